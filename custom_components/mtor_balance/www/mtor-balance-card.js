// placeholder until the card is built
