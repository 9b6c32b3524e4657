// Weigh it, show it (issue 24): a photo of the portion, taken with the phone's camera,
// uploaded through Home Assistant's image upload and identified by the person's AI Task model
// (person/photo.py). The model's best match and up to two alternatives are offered beside the
// photo; one tap logs the portion; "None of these" goes back to the search. Hidden unless the
// person chose a model in their options.

import { LitElement, css, html, nothing, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";

import { DOMAIN } from "./api";
import type { HomeAssistant } from "./types";

export const PHOTO_TYPE = "mtor-balance-photo";
export const PHOTO_NONE_EVENT = "mtor-photo-none";

export interface PhotoCandidate {
  food_id: string;
  name: string;
  grams: number;
  estimated: boolean;
  leucine_g: number;
  leucine_estimated: boolean;
}

export interface PhotoAnswer {
  grams: number;
  candidates: PhotoCandidate[];
  parts: PhotoCandidate[];
}

// The frontend's authenticated fetch (Home Assistant's `hass.fetchWithAuth`).
interface Uploaded {
  ok: boolean;
  json(): Promise<unknown>;
}
type WithFetch = HomeAssistant & {
  fetchWithAuth?: (path: string, init: { method: string; body: FormData }) => Promise<Uploaded>;
};

const TEXTS = {
  en: {
    take: "Photo of the portion",
    identifying: "Identifying the photo…",
    guess: "A guess from the photo: tap the food to log {grams} g.",
    plate: "A plate: the parts' grams are estimated from the photo.",
    log_all: "Log all parts",
    none: "None of these",
    logged: "Logged, identified from a photo.",
    failed: "The photo was not identified; nothing was logged.",
  },
  sv: {
    take: "Foto av portionen",
    identifying: "Känner igen fotot…",
    guess: "En gissning från fotot: tryck på livsmedlet för att logga {grams} g.",
    plate: "En tallrik: delarnas gram är uppskattade från fotot.",
    log_all: "Logga alla delar",
    none: "Inget av dessa",
    logged: "Loggat, igenkänt från ett foto.",
    failed: "Fotot kändes inte igen; inget loggades.",
  },
};
export type PhotoText = keyof typeof TEXTS.en;

export function photoText(language: string, key: PhotoText, grams?: number): string {
  const texts = language.startsWith("sv") ? TEXTS.sv : TEXTS.en;
  const text = texts[key];
  return grams === undefined ? text : text.replace("{grams}", String(Math.round(grams)));
}

function errorText(err: unknown): string | undefined {
  return err instanceof Error
    ? err.message
    : typeof err === "object" && err !== null && "message" in err
      ? String(err.message)
      : undefined;
}

export class MtorBalancePhoto extends LitElement {
  @property({ attribute: false }) public hass?: HomeAssistant;
  @property({ attribute: false }) public entryId?: string;
  @property({ attribute: false }) public language = "en";
  @state() private _enabled = false;
  @state() private _busy = false;
  @state() private _photo?: string; // an object URL of the photo, shown beside the guesses
  @state() private _answer?: PhotoAnswer;
  @state() private _message?: string;
  private _checked?: string;

  static override styles = css`
    .photo {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 8px 0;
    }
    img {
      width: 96px;
      height: 96px;
      object-fit: cover;
      border-radius: 8px;
    }
    .choices {
      display: flex;
      flex-direction: column;
      gap: 4px;
      flex: 1;
    }
    button,
    label.take {
      font: inherit;
      padding: 6px 10px;
      border-radius: 16px;
      border: 1px solid var(--divider-color);
      background: var(--card-background-color);
      color: var(--primary-text-color);
      cursor: pointer;
      text-align: start;
    }
    button.best {
      border-color: var(--primary-color);
    }
    input[type="file"] {
      display: none;
    }
    p {
      margin: 4px 0;
      color: var(--secondary-text-color);
    }
  `;

  protected override updated(): void {
    if (this.hass && this.entryId && this._checked !== this.entryId) {
      this._checked = this.entryId;
      this.hass
        .callWS<{ enabled?: boolean }>({ type: `${DOMAIN}/photo`, entry_id: this.entryId })
        .then(
          (result) => {
            this._enabled = result?.enabled === true;
          },
          () => {
            this._enabled = false;
          },
        );
    }
  }

  private _t(key: PhotoText, grams?: number): string {
    return photoText(this.language, key, grams);
  }

  private async _picked(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = "";
    const hass: WithFetch | undefined = this.hass;
    if (!file || !hass?.fetchWithAuth || !this.entryId) {
      return;
    }
    if (this._photo) URL.revokeObjectURL(this._photo);
    this._photo = URL.createObjectURL(file);
    this._answer = undefined;
    this._message = undefined;
    this._busy = true;
    try {
      const form = new FormData();
      form.append("file", file);
      const response = await hass.fetchWithAuth("/api/image/upload", {
        method: "POST",
        body: form,
      });
      if (!response.ok) throw new Error(this._t("failed"));
      const { id } = (await response.json()) as { id: string };
      this._answer = await hass.callWS<PhotoAnswer>({
        type: `${DOMAIN}/identify_photo`,
        entry_id: this.entryId,
        media_content_id: `media-source://image_upload/${id}`,
      });
    } catch (err) {
      this._message = errorText(err) ?? this._t("failed");
    } finally {
      this._busy = false;
    }
  }

  private async _log(foodId?: string): Promise<void> {
    if (!this.hass || !this.entryId) return;
    this._busy = true;
    try {
      await this.hass.callWS({
        type: `${DOMAIN}/log_identified`,
        entry_id: this.entryId,
        ...(foodId ? { food_id: foodId } : {}),
      });
      this._answer = undefined;
      this._message = this._t("logged");
    } catch (err) {
      this._message = errorText(err) ?? this._t("failed");
    } finally {
      this._busy = false;
    }
  }

  private _none(): void {
    this._answer = undefined;
    this.dispatchEvent(new CustomEvent(PHOTO_NONE_EVENT, { bubbles: true, composed: true }));
  }

  private _renderAnswer(answer: PhotoAnswer): TemplateResult {
    const leucine = (c: PhotoCandidate): string =>
      `${c.leucine_estimated ? "≈" : ""}${c.leucine_g.toFixed(1)} g leucin${this.language.startsWith("sv") ? "" : "e"}`;
    if (answer.parts.length > 1) {
      return html`<p>${this._t("plate")}</p>
        ${answer.parts.map(
          (c) => html`<p class="part">≈${Math.round(c.grams)} g ${c.name} (${leucine(c)})</p>`,
        )}
        <button class="best" ?disabled=${this._busy} @click=${() => this._log()}>
          ${this._t("log_all")}
        </button>
        <button ?disabled=${this._busy} @click=${() => this._none()}>${this._t("none")}</button>`;
    }
    return html`<p>${this._t("guess", answer.grams)}</p>
      ${answer.candidates.map(
        (c, index) =>
          html`<button
            class=${index === 0 ? "best candidate" : "candidate"}
            ?disabled=${this._busy}
            @click=${() => this._log(c.food_id)}
          >
            ${c.name} · ${leucine(c)}
          </button>`,
      )}
      <button ?disabled=${this._busy} @click=${() => this._none()}>${this._t("none")}</button>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this._enabled) return nothing;
    return html`<div class="photo">
      ${this._photo ? html`<img src=${this._photo} alt="" />` : nothing}
      <div class="choices">
        <label class="take">
          📷 ${this._t("take")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            ?disabled=${this._busy}
            @change=${(event: Event) => void this._picked(event)}
          />
        </label>
        ${this._busy && !this._answer ? html`<p role="status">${this._t("identifying")}</p>` : nothing}
        ${this._answer ? this._renderAnswer(this._answer) : nothing}
        ${this._message ? html`<p role="status">${this._message}</p>` : nothing}
      </div>
    </div>`;
  }
}
