"""Constants of the whole integration: the domain, and the two kinds of config entry."""

from typing import Final

DOMAIN: Final = "mtor_balance"
VERSION: Final = "0.2.0"

# Config entry data: what the entry is (a person or a Bluetooth scale; entries made before
# scales existed have no kind and are people). Read in one place: kinds.entry_kind.
CONF_KIND: Final = "kind"
KIND_PERSON: Final = "person"
KIND_SCALE: Final = "scale"

# Fired on the bus when a person's entry is logged or removed, once it is on disk (the
# logbook describes it; automations may trigger on it).
EVENT_MEAL: Final = "mtor_balance_meal"
