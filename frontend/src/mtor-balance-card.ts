// The bundle's entry: define the card and its editor, and list the card in the card picker.

import { CARD_TYPE, EDITOR_TYPE, MtorBalanceCard } from "./card";
import { MtorBalanceCardEditor } from "./editor";
import { translator } from "./i18n";
import { MtorBalanceDashboardStrategy, STRATEGY_TYPE } from "./strategy";

interface CustomCard {
  type: string;
  name: string;
  description: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCard[];
  }
}

// The module may be loaded twice (as the integration's module and as a dashboard resource).
if (!customElements.get(CARD_TYPE)) {
  customElements.define(CARD_TYPE, MtorBalanceCard);
}
if (!customElements.get(EDITOR_TYPE)) {
  customElements.define(EDITOR_TYPE, MtorBalanceCardEditor);
}
if (!customElements.get(STRATEGY_TYPE)) {
  customElements.define(STRATEGY_TYPE, MtorBalanceDashboardStrategy);
}

function pickerLanguage(): string {
  try {
    const selected = window.localStorage.getItem("selectedLanguage");
    if (selected) {
      return String(JSON.parse(selected));
    }
  } catch {
    // fall back to the browser's language
  }
  return navigator.language;
}

window.customCards = window.customCards ?? [];
if (!window.customCards.some((card) => card.type === CARD_TYPE)) {
  const t = translator(pickerLanguage());
  window.customCards.push({
    type: CARD_TYPE,
    name: t("card_name"),
    description: t("card_description"),
    // The picker then shows the description (a preview shows the preview instead).
    preview: false,
    documentationURL: "https://github.com/mtor-balance/mtor_balance",
  });
}

export { MtorBalanceCard, MtorBalanceCardEditor, MtorBalanceDashboardStrategy };
