// The card's visual editor: the person (or everyone in the household) and a title.

import { LitElement, css, html, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";

import { errorText, fetchPeople } from "./api";
import { uiLanguage } from "./format";
import { translator } from "./i18n";
import type { CardConfig, HomeAssistant, Person } from "./types";

/** The person choice that means "everyone in the household" (a person switcher). */
export const EVERYONE = "__everyone__";

interface FormData {
  person: string;
  title: string;
}

interface CardHelpers {
  createCardElement(config: Record<string, unknown>): HTMLElement;
}

declare global {
  interface Window {
    loadCardHelpers?: () => Promise<CardHelpers>;
  }
}

/**
 * Make sure Home Assistant's `ha-form` is defined: the card editor dialog has it, but it is
 * loaded lazily, so ask a built-in card's editor for it if it is not there yet.
 */
async function ensureHaForm(): Promise<void> {
  if (customElements.get("ha-form") || !window.loadCardHelpers) {
    return;
  }
  try {
    const helpers = await window.loadCardHelpers();
    const card = helpers.createCardElement({ type: "tile", entity: "sun.sun" });
    const cardClass = card.constructor as { getConfigElement?: () => Promise<unknown> };
    await cardClass.getConfigElement?.();
  } catch {
    // the form then stays undefined until Home Assistant loads it
  }
}

export class MtorBalanceCardEditor extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .error {
      color: var(--error-color);
    }
  `;

  @property({ attribute: false }) hass?: HomeAssistant;

  @state() private _config?: CardConfig;
  @state() private _people?: Person[];
  @state() private _error?: string;

  private _loading = false;

  setConfig(config: CardConfig): void {
    this._config = config;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureHaForm().then(() => this.requestUpdate());
  }

  protected override updated(): void {
    if (this.hass && this._people === undefined && !this._loading) {
      this._loading = true;
      fetchPeople(this.hass)
        .then((people) => {
          this._people = people;
        })
        .catch((err: unknown) => {
          this._people = [];
          this._error = errorText(
            this.hass?.localize,
            err,
            translator(uiLanguage(this.hass))("error"),
          );
        })
        .finally(() => {
          this._loading = false;
        });
    }
  }

  /** The form's schema (Home Assistant selectors). */
  schema(): Record<string, unknown>[] {
    const t = translator(uiLanguage(this.hass));
    const people = this._people ?? [];
    const options = [
      { value: EVERYONE, label: t("everyone") },
      ...people.map((person) => ({ value: person.entry_id, label: person.name })),
    ];
    // A person of the configuration who is no longer set up still shows, by ID.
    const chosen = this._config?.entry_id;
    if (chosen && !people.some((person) => person.entry_id === chosen)) {
      options.push({ value: chosen, label: chosen });
    }
    return [
      { name: "person", required: true, selector: { select: { mode: "dropdown", options } } },
      { name: "title", selector: { text: {} } },
    ];
  }

  data(): FormData {
    return {
      person: this._config?.entry_id || EVERYONE,
      title: this._config?.title ?? "",
    };
  }

  private _label = (item: { name: string }): string => {
    const t = translator(uiLanguage(this.hass));
    return item.name === "person" ? t("person") : t("title");
  };

  protected override render(): TemplateResult {
    return html`
      ${this._error ? html`<p class="error">${this._error}</p>` : ""}
      <ha-form
        .hass=${this.hass}
        .data=${this.data()}
        .schema=${this.schema()}
        .computeLabel=${this._label}
        @value-changed=${this._changed}
      ></ha-form>
    `;
  }

  private _changed(event: CustomEvent<{ value: Partial<FormData> }>): void {
    event.stopPropagation();
    const value = event.detail?.value ?? {};
    const config: CardConfig = { ...(this._config ?? { type: "custom:mtor-balance-card" }) };
    if (!value.person || value.person === EVERYONE) {
      delete config.entry_id;
    } else {
      config.entry_id = value.person;
    }
    const title = (value.title ?? "").trim();
    if (title) {
      config.title = value.title;
    } else {
      delete config.title;
    }
    this._config = config;
    this.dispatchEvent(
      new CustomEvent("config-changed", { detail: { config }, bubbles: true, composed: true }),
    );
  }
}
