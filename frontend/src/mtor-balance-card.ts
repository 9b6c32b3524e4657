// The bundle's entry: define the card and its editor, and list the card in the card picker.

import { CARD_TYPE, EDITOR_TYPE, MtorBalanceCard } from "./card";
import { MtorBalanceCardEditor } from "./editor";
import { MtorBalancePhoto, PHOTO_TYPE } from "./photo";
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

const ELEMENTS: [string, CustomElementConstructor][] = [
  [CARD_TYPE, MtorBalanceCard],
  [EDITOR_TYPE, MtorBalanceCardEditor],
  [PHOTO_TYPE, MtorBalancePhoto],
  [STRATEGY_TYPE, MtorBalanceDashboardStrategy],
];

/** Define the elements in `registry`, each once (the module may be loaded twice). */
function defineIn(registry: CustomElementRegistry): void {
  for (const [tag, element] of ELEMENTS) {
    if (registry.get(tag)) {
      continue;
    }
    try {
      registry.define(tag, element);
    } catch (err) {
      console.error(`mtor-balance-card: ${tag} is not defined`, err);
    }
  }
}

// Home Assistant's app bundle replaces `window.customElements` with a scoped custom element
// registry (a polyfill) when it starts, and the dashboard looks elements up there only. As a
// dashboard resource (what the integration adds) this module runs after that. Loaded any other
// way (an extra module, with Lovelace resources in YAML) it can run first, and its elements
// would land in the browser's native registry, unseen by the dashboard ("Configuration error").
// The polyfill defines each of the app's elements natively too, so once the app's root element
// <home-assistant> is defined, the swap has happened: define the elements again in the
// registry that is there now.
const registry = window.customElements;
defineIn(registry);
void registry.whenDefined("home-assistant").then(() => {
  if (window.customElements !== registry) {
    defineIn(window.customElements);
  }
});

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
