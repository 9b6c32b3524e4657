// The kitchen card: the live scale, the food for the portion on it (one tap), today's meals,
// fasting and the next meal, for one person or a household with a person switcher.

import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";

import {
  assignPortion,
  claimScale,
  logSavedMeal,
  restoreEntry,
  saveMeal,
  deleteEntry,
  dropPortion,
  errorText,
  fetchPeople,
  fetchTrash,
  loadErrorTranslations,
  logAmount,
  logFood,
  logPortion,
  searchFoods,
  selectFood,
  subscribeToday,
  undo,
} from "./api";
import {
  formatGrams,
  formatNumber,
  formatNutrient,
  formatTime,
  hoursSince,
  leucineOf,
  proteinOf,
  readingGrams,
  splitHours,
  uiLanguage,
} from "./format";
import { cardLanguage, translator, type TextKey, type Translate } from "./i18n";
import {
  EMPTY_G,
  chipsOf,
  sameWeight,
  settledGrams,
  tapAction,
  usualGrams,
  type Chip,
} from "./logic";
import { cardStyles } from "./styles";
import { amountText, stepAmount, unitLabel, unitsOf } from "./units";
import type {
  CardConfig,
  Entry,
  FoodView,
  HomeAssistant,
  Meal,
  PendingPortion,
  Person,
  SavedMeal,
  TodayView,
} from "./types";

export const CARD_TYPE = "mtor-balance-card";
export const EDITOR_TYPE = "mtor-balance-card-editor";
export const SEARCH_DEBOUNCE_MS = 250;
const CLOCK_MS = 30_000;
const NOTICE_MS = 10_000;
const NEW_ENTRY_S = 120; // an entry this new that appears in the view is announced
const PERSON_KEY = "mtor-balance-card.person";

type Unsubscribe = () => Promise<void> | void;

interface Notice {
  key: TextKey;
  values: Record<string, string>;
  undoEntry?: string; // the log entry that Undo deletes
  restoreEntry?: string; // the removed log entry that Undo puts back
}

function storedPerson(): string | null {
  try {
    return window.localStorage.getItem(PERSON_KEY);
  } catch {
    return null;
  }
}

function storePerson(entryId: string): void {
  try {
    window.localStorage.setItem(PERSON_KEY, entryId);
  } catch {
    // private mode: the choice is only not remembered
  }
}

export class MtorBalanceCard extends LitElement {
  static override styles = cardStyles;

  @property({ attribute: false }) hass?: HomeAssistant;

  @state() private _config?: CardConfig;
  @state() private _people?: Person[];
  @state() private _personId?: string;
  @state() private _view?: TodayView;
  @state() private _query = "";
  @state() private _results?: FoodView[];
  @state() private _searching = false;
  @state() private _busy = false;
  @state() private _error?: string;
  @state() private _notice?: Notice;
  @state() private _confirmDelete?: string;
  @state() private _manualGrams = "";
  @state() private _unit = ""; // a household unit of the chosen food; "" is grams
  @state() private _amount = 1;
  @state() private _trashOpen = false; // the "Deleted, can be restored" list
  @state() private _trash?: Entry[];
  @state() private _trashDays = 30;
  @state() private _assigning?: string; // a pending portion waiting for its food
  @state() private _savingMeal?: { start: string; name: string }; // "Save as a meal" open
  @state() private _now = Date.now();

  private _unsubscribe?: Promise<Unsubscribe | undefined>;
  private _subscribedKey?: string;
  private _loadingPeople = false;
  private _searchTimer?: ReturnType<typeof setTimeout>;
  private _searchSeq = 0;
  private _clock?: ReturnType<typeof setInterval>;
  private _noticeTimer?: ReturnType<typeof setTimeout>;
  private _knownEntries?: Set<string>;
  private _loggedGrams?: number; // what this card just logged while it may still be on the scale

  // --- Lovelace ----------------------------------------------------------------------

  static getConfigElement(): HTMLElement {
    return document.createElement(EDITOR_TYPE);
  }

  static getStubConfig(): Partial<CardConfig> {
    return {}; // everyone in the household, with a person switcher
  }

  setConfig(config: CardConfig): void {
    if (!config || typeof config !== "object") {
      throw new Error("Invalid configuration");
    }
    if (config.entry_id !== undefined && typeof config.entry_id !== "string") {
      throw new Error("entry_id must be a config entry ID (text)");
    }
    const person = config.entry_id || undefined;
    if (this._config && (this._config.entry_id || undefined) !== person) {
      this._resetPerson();
      this._people = undefined;
    }
    this._config = config;
    if (person) {
      this._personId = person;
    }
  }

  getCardSize(): number {
    return 10;
  }

  getGridOptions(): Record<string, unknown> {
    // The whole width of its section, also of one that spans two columns.
    return { columns: "full", min_columns: 6 };
  }

  // --- lifecycle ---------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = Date.now();
    this._clock = setInterval(() => {
      this._now = Date.now();
    }, CLOCK_MS);
    this._sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._clock);
    clearTimeout(this._searchTimer);
    clearTimeout(this._noticeTimer);
    this._unsubscribeView();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // A new `hass` comes with every state change in Home Assistant: render only for the
    // scale, the language or the translations (backend errors).
    const old = changed.get("hass") as HomeAssistant | undefined;
    if (changed.size !== 1 || !old || !this.hass) {
      return true;
    }
    const scale = this._view?.scale_entity;
    return (
      (!!scale && old.states[scale] !== this.hass.states[scale]) ||
      uiLanguage(old) !== uiLanguage(this.hass) ||
      old.localize !== this.hass.localize
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    // State set here renders in this same update.
    if (changed.has("hass") || changed.has("_config") || changed.has("_personId")) {
      this._sync();
    }
  }

  protected override updated(): void {
    if (this._loggedGrams !== undefined) {
      const live = this._live();
      if (live === null || live < EMPTY_G) {
        this._loggedGrams = undefined;
      }
    }
  }

  private get _t(): Translate {
    return translator(uiLanguage(this.hass));
  }

  private get _lang(): string {
    return uiLanguage(this.hass);
  }

  /** Fetch the people (household mode) and keep the subscription to the chosen one. */
  private _sync(): void {
    if (!this.hass || !this._config || !this.isConnected) {
      return;
    }
    if (!this._config.entry_id && this._people === undefined) {
      void this._loadPeople();
      return;
    }
    if (!this._personId) {
      return;
    }
    const key = `${this._personId}|${this._lang}`;
    if (key !== this._subscribedKey) {
      this._subscribe(this._personId, key);
    }
  }

  private async _loadPeople(): Promise<void> {
    if (this._loadingPeople || !this.hass) {
      return;
    }
    this._loadingPeople = true;
    try {
      const people = await fetchPeople(this.hass);
      this._people = people;
      const remembered = storedPerson();
      const chosen =
        people.find((person) => person.entry_id === this._personId) ??
        people.find((person) => person.entry_id === remembered) ??
        people[0];
      this._personId = chosen?.entry_id;
    } catch (err) {
      this._people = [];
      void this._showError(err);
    } finally {
      this._loadingPeople = false;
    }
  }

  private _subscribe(entryId: string, key: string): void {
    if (!this.hass) {
      return;
    }
    this._unsubscribeView();
    this._subscribedKey = key;
    this._view = undefined;
    this._knownEntries = undefined;
    this._unsubscribe = subscribeToday(this.hass, entryId, this._lang, (view) => {
      if (this._subscribedKey === key) {
        this._receive(view);
      }
    }).catch((err: unknown) => {
      if (this._subscribedKey === key) {
        void this._showError(err);
      }
      return undefined;
    });
  }

  private _unsubscribeView(): void {
    const unsubscribe = this._unsubscribe;
    this._unsubscribe = undefined;
    this._subscribedKey = undefined;
    unsubscribe?.then((unsub) => unsub?.()).catch(() => undefined); // the connection may be closed already
  }

  private _resetPerson(): void {
    this._assigning = undefined;
    this._unsubscribeView();
    this._view = undefined;
    this._knownEntries = undefined;
    this._notice = undefined;
    this._confirmDelete = undefined;
    this._trashOpen = false;
    this._trash = undefined;
    this._clearSearch();
  }

  private _receive(view: TodayView): void {
    const entries = Array.isArray(view.entries) ? view.entries : [];
    if (this._knownEntries) {
      // A portion logged when it was taken off the scale: say so, with an Undo.
      const fresh = entries.filter(
        (entry) =>
          !this._knownEntries?.has(entry.entry_id) &&
          Math.abs(Date.now() - Date.parse(entry.time)) < NEW_ENTRY_S * 1000,
      );
      const last = fresh[fresh.length - 1];
      if (last) {
        this._announceLogged(last);
      }
    }
    this._knownEntries = new Set(entries.map((entry) => entry.entry_id));
    if (this._confirmDelete && !this._knownEntries.has(this._confirmDelete)) {
      this._confirmDelete = undefined;
    }
    this._view = view;
  }

  // --- actions -----------------------------------------------------------------------

  private _live(): number | null {
    const scale = this._view?.scale_entity;
    return scale ? readingGrams(this.hass?.states[scale]) : null;
  }

  private async _run<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this._busy) {
      return undefined;
    }
    this._busy = true;
    this._error = undefined;
    try {
      return await action();
    } catch (err) {
      await this._showError(err);
      return undefined;
    } finally {
      this._busy = false;
    }
  }

  /** One tap on a food: log the settled portion as it, or choose it for the next one. */
  private async _pick(food: FoodView): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const assigning = this._view?.pending?.find((portion) => portion.id === this._assigning);
    if (assigning) {
      const entry = await this._run(() => assignPortion(hass, entryId, assigning.id, food.id));
      if (entry) {
        this._assigning = undefined;
        this._announceLogged(entry);
        this._clearSearch();
      }
      return;
    }
    const grams = settledGrams(this._view, this._live());
    if (tapAction(this._view, this._live()) === "log_portion") {
      const entry = await this._run(() => logPortion(hass, entryId, food.id));
      if (entry) {
        this._loggedGrams = grams ?? undefined;
        this._announceLogged(entry);
        this._clearSearch();
      }
      return;
    }
    const done = await this._run(async () => {
      await selectFood(hass, entryId, food.id);
      return true;
    });
    if (done) {
      const usual = usualGrams(this._view, food.id);
      this._manualGrams = usual === null ? "" : String(Math.round(usual));
      this._unit = "";
      this._amount = 1;
      this._clearSearch();
    }
  }

  private async _claim(): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (hass && entryId) {
      await this._run(() => claimScale(hass, entryId));
    }
  }

  private async _drop(portion: PendingPortion): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const done = await this._run(async () => {
      await dropPortion(hass, entryId, portion.id);
      return true;
    });
    if (done) {
      this._assigning = undefined;
      this._setNotice({
        key: "dropped",
        values: { grams: formatGrams(portion.grams, this._lang) },
      });
    }
  }

  private async _logSettled(): Promise<void> {
    const food = this._view?.portion?.food ?? this._view?.selected_food;
    if (food) {
      await this._pick(food);
    }
  }

  private async _logManual(event: Event): Promise<void> {
    event.preventDefault();
    const hass = this.hass;
    const entryId = this._personId;
    const food = this._view?.selected_food;
    const unit = this._unit;
    if (hass && entryId && food && unit) {
      const amount = this._amount;
      const entry = await this._run(() =>
        logAmount(hass, entryId, food.id, amount, unit, this._lang),
      );
      if (entry) {
        this._announceLogged(entry, { amount, unit });
      }
      return;
    }
    const grams = Number(this._manualGrams.replace(",", "."));
    if (!hass || !entryId || !food || !Number.isFinite(grams) || grams <= 0) {
      return;
    }
    const entry = await this._run(() => logFood(hass, entryId, food.id, grams));
    if (entry) {
      this._announceLogged(entry);
    }
  }

  /** Open (load) or close the list of deleted entries. */
  private async _toggleTrash(event: Event): Promise<void> {
    const open = (event.target as HTMLDetailsElement).open;
    if (open === this._trashOpen) {
      return; // the card opened or closed it itself
    }
    this._trashOpen = open;
    this._trash = undefined;
    if (open) {
      await this._loadTrash();
    }
  }

  private async _loadTrash(): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    try {
      const trash = await fetchTrash(hass, entryId, this._lang);
      if (entryId === this._personId && this._trashOpen) {
        this._trash = trash.entries;
        this._trashDays = trash.keptDays;
      }
    } catch (err) {
      await this._showError(err);
    }
  }

  private async _restoreFromTrash(entry: Entry): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const restored = await this._run(() => restoreEntry(hass, entryId, entry.entry_id));
    if (restored) {
      this._setNotice({ key: "restored", values: { food: this._entryName(restored) } });
    } else {
      await this._loadTrash(); // refused or gone: the list as it is now
    }
  }

  private async _delete(entry: Entry): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    this._confirmDelete = undefined;
    const deleted = await this._run(() => deleteEntry(hass, entryId, entry.entry_id));
    if (deleted) {
      this._setNotice({
        key: "deleted",
        values: { food: this._entryName(deleted) },
        restoreEntry: deleted.entry_id,
      });
    }
  }

  private async _undoLast(): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const removed = await this._run(() => undo(hass, entryId));
    if (removed) {
      this._setNotice({
        key: "undone",
        values: { food: this._entryName(removed) },
        restoreEntry: removed.entry_id,
      });
    }
  }

  private async _restoreNotice(): Promise<void> {
    const logEntry = this._notice?.restoreEntry;
    const hass = this.hass;
    const entryId = this._personId;
    if (!logEntry || !hass || !entryId) {
      return;
    }
    const restored = await this._run(() => restoreEntry(hass, entryId, logEntry));
    if (restored) {
      this._setNotice({ key: "restored", values: { food: this._entryName(restored) } });
    } else if (this._error) {
      this._setNotice(undefined); // refused: its Ångra/Undo would only be refused again
    }
  }

  private async _undoNotice(): Promise<void> {
    const logEntry = this._notice?.undoEntry;
    const hass = this.hass;
    const entryId = this._personId;
    if (!logEntry || !hass || !entryId) {
      return;
    }
    const removed = await this._run(() => deleteEntry(hass, entryId, logEntry));
    if (removed) {
      this._loggedGrams = undefined;
      this._setNotice({
        key: "undone",
        values: { food: this._entryName(removed) },
        restoreEntry: removed.entry_id,
      });
    } else if (this._error) {
      this._setNotice(undefined); // refused: its Ångra/Undo would only be refused again
    }
  }

  private _announceLogged(entry: Entry, said?: { amount: number; unit: string }): void {
    const grams = typeof entry.grams === "number" ? formatGrams(entry.grams, this._lang) : "";
    const food = this._entryName(entry);
    this._setNotice(
      said
        ? {
            key: "logged_amount",
            values: { amount: amountText(said.amount, said.unit, food, this._lang), grams },
            undoEntry: entry.entry_id,
          }
        : { key: "logged", values: { grams, food }, undoEntry: entry.entry_id },
    );
  }

  /**
   * A logged entry's name in the card's language: the food's name in it (the command's
   * answer has both), else the name the day's list has for it, else the stored name.
   */
  private _entryName(entry: Entry): string {
    const own = cardLanguage(this._lang) === "sv" ? entry.name_sv : entry.name_en;
    if (own) {
      return own;
    }
    const listed = this._view?.entries?.find((shown) => shown.entry_id === entry.entry_id);
    return listed?.name ?? entry.name;
  }

  private _setNotice(notice: Notice | undefined): void {
    clearTimeout(this._noticeTimer);
    this._notice = notice;
    if (this._trashOpen && notice && ["deleted", "undone", "restored"].includes(notice.key)) {
      void this._loadTrash(); // the open list of deleted entries changed
    }
    if (notice) {
      this._noticeTimer = setTimeout(() => {
        this._notice = undefined;
      }, NOTICE_MS);
    }
  }

  private async _showError(err: unknown): Promise<void> {
    // The localize function that loadBackendTranslation returns has the texts at once;
    // this.hass gets it only with Home Assistant's next hass object.
    const localize = this.hass ? await loadErrorTranslations(this.hass) : undefined;
    this._error = errorText(localize ?? this.hass?.localize, err, this._t("error"));
  }

  private _choosePerson(entryId: string): void {
    if (entryId === this._personId) {
      return;
    }
    this._resetPerson();
    this._error = undefined;
    this._personId = entryId;
    storePerson(entryId);
  }

  // --- search ------------------------------------------------------------------------

  private _onSearchInput(event: Event): void {
    this._query = (event.target as HTMLInputElement).value;
    clearTimeout(this._searchTimer);
    const query = this._query.trim();
    if (!query) {
      this._clearSearch();
      return;
    }
    this._searchTimer = setTimeout(() => {
      void this._search(query);
    }, SEARCH_DEBOUNCE_MS);
  }

  private _onSearchKey(event: KeyboardEvent): void {
    if (event.key === "Escape") {
      this._clearSearch();
    } else if (event.key === "Enter" && this._results?.length) {
      event.preventDefault();
      void this._pickResult(this._results[0], true);
    }
  }

  /**
   * A search result, picked as a chip is. From the keyboard, the focus goes back to the
   * (cleared) search field; not after a tap, which would bring up a touch keyboard.
   */
  private async _pickResult(food: FoodView, keyboard: boolean): Promise<void> {
    await this._pick(food);
    if (keyboard) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>("input.search")?.focus();
    }
  }

  private async _search(query: string): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const seq = ++this._searchSeq;
    this._searching = true;
    try {
      const foods = await searchFoods(hass, entryId, query, this._lang);
      if (seq === this._searchSeq) {
        this._results = foods;
      }
    } catch (err) {
      if (seq === this._searchSeq) {
        this._results = [];
        await this._showError(err);
      }
    } finally {
      if (seq === this._searchSeq) {
        this._searching = false;
      }
    }
  }

  private _clearSearch(): void {
    clearTimeout(this._searchTimer);
    this._searchSeq++;
    this._query = "";
    this._results = undefined;
    this._searching = false;
  }

  // --- rendering ---------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this._t;
    const household = !this._config?.entry_id;
    const people = this._people ?? [];
    // The person's name, unless the switcher shows it.
    const title =
      this._config?.title ?? (household && people.length > 1 ? "" : (this._view?.name ?? ""));
    return html`
      <ha-card>
        <div class="card" lang=${this._lang}>
          ${
            title || (household && people.length > 1)
              ? html`<header>
                  ${title ? html`<h2>${title}</h2>` : nothing}
                  ${household && people.length > 1 ? this._renderPeople(people) : nothing}
                </header>`
              : nothing
          }
          ${
            this._error
              ? html`<div class="error" role="alert">
                  <span>${this._error}</span>
                  <button class="link-button" @click=${() => (this._error = undefined)}>
                    ${t("dismiss")}
                  </button>
                </div>`
              : nothing
          }
          ${this._renderBody()}
        </div>
      </ha-card>
    `;
  }

  private _renderPeople(people: Person[]): TemplateResult {
    return html`<div class="people" role="group" aria-label=${this._t("people")}>
      ${people.map(
        (person) =>
          html`<button
            class="person"
            aria-pressed=${person.entry_id === this._personId ? "true" : "false"}
            @click=${() => this._choosePerson(person.entry_id)}
          >
            ${person.name}
          </button>`,
      )}
    </div>`;
  }

  private _renderBody(): TemplateResult | typeof nothing {
    const t = this._t;
    if (!this._config?.entry_id && this._people !== undefined && this._people.length === 0) {
      return html`<p class="muted">${t("no_people")}</p>`;
    }
    const view = this._view;
    if (!view) {
      return this._error ? nothing : html`<p class="muted">${t("loading")}</p>`;
    }
    return html`
      <div class="layout">
        <section class="weigh">
          ${this._renderScale(view)}
          <mtor-balance-photo
            .hass=${this.hass}
            .entryId=${this._personId}
            .language=${this._lang}
            @mtor-photo-none=${() =>
              this.renderRoot.querySelector<HTMLInputElement>("input.search")?.focus()}
          ></mtor-balance-photo>
          ${this._renderPending(view)} ${this._renderChooser(view)}
          ${this._notice ? this._renderNotice(this._notice) : nothing}
        </section>
        <section class="day">${this._renderStatus(view)} ${this._renderToday(view)}</section>
      </div>
    `;
  }

  private _renderNotice(notice: Notice): TemplateResult {
    return html`<div class="notice" role="status">
      <span>${this._t(notice.key, notice.values)}</span>
      ${
        notice.undoEntry
          ? html`<button
              class="link-button undo-notice"
              ?disabled=${this._busy}
              @click=${this._undoNotice}
            >
              ${this._t("undo")}
            </button>`
          : notice.restoreEntry
            ? html`<button
                class="link-button restore-notice"
                ?disabled=${this._busy}
                @click=${this._restoreNotice}
              >
                ${this._t("undo")}
              </button>`
            : nothing
      }
    </div>`;
  }

  private _renderScale(view: TodayView): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const scale = view.scale_entity;
    const live = this._live();
    const settled = settledGrams(view, live);
    const food = view.portion?.food ?? view.selected_food ?? null;
    let status: TemplateResult;
    if (!scale) {
      status = html`<span class="muted">${t("scale_none", { name: view.name })}</span>`;
    } else if (settled !== null) {
      status = html`<span class="badge settled" data-settled=${settled}>
        ${t("settled")} · ${formatGrams(settled, lang)}
      </span>`;
    } else if (view.scale?.in_use_by && live !== null && live >= EMPTY_G) {
      // Someone else's portion: say how to take it over when this person can (Weigh for me).
      const canTake = Boolean(view.scale.shared && !view.scale.claimed);
      status = html`<span class="badge in-use"
        >${t(canTake ? "in_use_by_take" : "in_use_by", { name: view.scale.in_use_by })}</span
      >`;
    } else if (live === null) {
      status = html`<span class="muted">${t("scale_unavailable")}</span>`;
    } else if (live < EMPTY_G) {
      status = html`<span class="muted">${t("empty")}</span>`;
    } else if (this._loggedGrams !== undefined && sameWeight(live, this._loggedGrams)) {
      status = html`<span class="badge good"
        >✓ ${t("logged_short")} · ${formatGrams(this._loggedGrams, lang)}</span
      >`;
    } else {
      status = html`<span class="badge">${t("settling")}</span>`;
    }
    const unitGrams = view.selected_food?.units?.[this._unit];
    const grams =
      settled ??
      (live !== null && live >= EMPTY_G && this._loggedGrams === undefined ? live : null) ??
      (unitGrams ? unitGrams * this._amount : null); // the amount of a household unit
    return html`<div class="panel">
      <div class="scale" role="group" aria-label=${t("on_scale")}>
        ${
          scale
            ? html`<span class="weight" aria-live="off"
                >${live === null ? "–" : formatGrams(Math.max(0, live), lang)}</span
              >`
            : nothing
        }
        <span class="scale-status" aria-live="polite">${status}</span>
        ${
          view.scale?.shared && !view.scale?.claimed
            ? html`<button
                class="secondary-button claim"
                ?disabled=${this._busy}
                @click=${this._claim}
              >
                ${t("weigh_for_me")}
              </button>`
            : nothing
        }
      </div>
      ${
        view.portion?.unclaimed && settled !== null
          ? html`<p class="food muted unclaimed">
              ${t("unclaimed", { grams: formatGrams(settled, lang) })}
            </p>`
          : nothing
      }
      ${
        food
          ? this._renderFood(view, food, grams, settled)
          : settled !== null && !view.portion?.unclaimed
            ? html`<p class="food muted">
                ${t("tap_to_log", { grams: formatGrams(settled, lang) })}
              </p>`
            : nothing
      }
    </div>`;
  }

  private _renderFood(
    view: TodayView,
    food: FoodView,
    grams: number | null,
    settled: number | null,
  ): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const target = view.targets?.leucine_per_meal_g ?? 0;
    const leucine = grams === null ? null : leucineOf(food, grams);
    const protein = grams === null ? null : proteinOf(food, grams);
    // A meal under way: the portion adds to it.
    const meals = view.meals ?? [];
    const current = view.fasting && !view.fasting.fasting ? meals[meals.length - 1] : undefined;
    const mealTotal = current && leucine !== null ? current.leucine_g + leucine : null;
    const fill = target > 0 && leucine !== null ? Math.min(1, (mealTotal ?? leucine) / target) : 0;
    const estimated = food.leucine_estimated ? this._estimated() : nothing;
    const buttonMode = view.log_mode === "button";
    return html`<div class="food">
      <div>
        <span class="muted">${t("selected")}:</span>
        <span class="food-name">${food.name}</span>
      </div>
      <div class="nutrients">
        <span>${t("leucine")}</span>
        <span>
          <span class="value portion-leucine"
            >${estimated}${
              leucine === null
                ? `${formatNutrient(food.leucine_g, lang, 2)} ${t("per_100g")}`
                : formatNutrient(leucine, lang, 2)
            }</span
          >
          ${
            // Only a portion is set against the per-meal target, never a per-100 g value.
            target > 0 && leucine !== null
              ? html`<span class="muted meal-target"
                  >${
                    mealTotal !== null
                      ? `· ${t("with_meal", { value: formatNutrient(mealTotal, lang, 2), target: formatNutrient(target, lang) })}`
                      : t("per_meal_target", { target: formatNutrient(target, lang) })
                  }</span
                >`
              : nothing
          }
        </span>
        ${
          leucine !== null && target > 0
            ? html`<span></span>
                <div class="bar ${fill >= 1 ? "full" : ""}" aria-hidden="true">
                  <span style="width: ${Math.round(fill * 100)}%"></span>
                </div>`
            : nothing
        }
        <span>${t("protein")}</span>
        <span class="value portion-protein"
          >${
            protein === null
              ? `${formatNutrient(food.protein_g, lang)} ${t("per_100g")}`
              : formatNutrient(protein, lang)
          }</span
        >
      </div>
      ${
        settled !== null
          ? buttonMode
            ? html`<div class="row">
                <button
                  class="primary-button log-button"
                  ?disabled=${this._busy}
                  @click=${this._logSettled}
                >
                  ${t("log_portion", { grams: formatGrams(settled, lang) })}
                </button>
              </div>`
            : html`<span class="muted"
                >${t(view.log_mode === "container" ? "container_hint" : "log_on_removal")}</span
              >`
          : html`${view.scale_entity ? this._scaleHint(view, food) : nothing}
            ${view.selected_food ? this._renderManual(view, view.selected_food) : nothing}`
      }
    </div>`;
  }

  /** What to do next with a chosen food and no settled portion; it follows the scale. */
  private _scaleHint(view: TodayView, food: FoodView): TemplateResult | typeof nothing {
    const live = this._live();
    if (live !== null && live >= EMPTY_G) {
      return nothing; // something is on the scale, settling: the badge says so
    }
    const entries = Array.isArray(view.entries) ? view.entries : [];
    const latest = entries.reduce<Entry | undefined>(
      (last, entry) => (!last || Date.parse(entry.time) > Date.parse(last.time) ? entry : last),
      undefined,
    );
    // Just logged and taken off: the hint is for the next portion.
    const text =
      view.selected_food && latest?.food === food.id
        ? this._t("next_portion", { food: food.name })
        : this._t("put_on_scale");
    return html`<span class="muted scale-hint">${text}</span>`;
  }

  private _renderManual(view: TodayView, food: FoodView): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    // Household units when the scale has nothing to say (no scale, or nothing on it).
    const live = this._live();
    const units = !view.scale_entity || live === null || live < EMPTY_G ? unitsOf(food) : [];
    const unit = units.some(([key]) => key === this._unit) ? this._unit : "";
    if (unit) {
      return html`<form class="row manual" @submit=${this._logManual}>
        ${this._renderUnits(units, unit)}
        <span class="stepper" role="group" aria-label=${t("amount")}>
          <button
            type="button"
            class="icon-button amount-less"
            aria-label=${t("fewer")}
            ?disabled=${this._amount <= 0.5}
            @click=${() => (this._amount = stepAmount(this._amount, false))}
          >
            <ha-icon icon="mdi:minus" aria-hidden="true"></ha-icon>
          </button>
          <span class="amount" aria-live="polite">${formatNumber(this._amount, lang)}</span>
          <button
            type="button"
            class="icon-button amount-more"
            aria-label=${t("more")}
            @click=${() => (this._amount = stepAmount(this._amount, true))}
          >
            <ha-icon icon="mdi:plus" aria-hidden="true"></ha-icon>
          </button>
        </span>
        <button class="secondary-button manual-log" type="submit" ?disabled=${this._busy}>
          ${t("log")}
        </button>
      </form>`;
    }
    return html`<form class="row manual" @submit=${this._logManual}>
      ${units.length ? this._renderUnits(units, unit) : nothing}
      <input
        class="grams-input"
        type="number"
        inputmode="decimal"
        min="0"
        step="any"
        aria-label=${t("grams")}
        placeholder=${t("grams")}
        .value=${this._manualGrams}
        @input=${(event: Event) => (this._manualGrams = (event.target as HTMLInputElement).value)}
      />
      <button
        class="secondary-button manual-log"
        type="submit"
        ?disabled=${this._busy || !this._manualGrams}
      >
        ${t("log")}
      </button>
    </form>`;
  }

  private _renderUnits(units: [string, number][], unit: string): TemplateResult {
    const lang = this._lang;
    return html`<select
      class="unit-select"
      aria-label=${this._t("unit")}
      @change=${(event: Event) => {
        this._unit = (event.target as HTMLSelectElement).value;
        this._amount = 1;
      }}
    >
      <option value="" ?selected=${unit === ""}>${this._t("grams")}</option>
      ${units.map(
        ([key, grams]) =>
          html`<option value=${key} ?selected=${unit === key}>
            ${unitLabel(key, grams, lang)}
          </option>`,
      )}
    </select>`;
  }

  private _estimated(): TemplateResult {
    return html`<span class="est" title=${this._t("estimated_hint")}
      >≈<span class="visually-hidden"> ${this._t("estimated")}</span></span
    >`;
  }

  /** Portions weighed but not logged (nobody claimed them, or button mode). */
  private _renderPending(view: TodayView): TemplateResult | typeof nothing {
    const t = this._t;
    const lang = this._lang;
    const pending = Array.isArray(view.pending) ? view.pending : [];
    if (!pending.length) {
      return nothing;
    }
    const assigning = pending.find((portion) => portion.id === this._assigning);
    return html`<div class="panel pending">
      <h3>${t("pending_title")}</h3>
      ${
        assigning
          ? html`<p class="assigning" role="status">
              ${t("assigning", {
                grams: formatGrams(assigning.grams, lang),
                time: formatTime(assigning.time, this.hass, this._now),
              })}
              <button class="link-button" @click=${() => (this._assigning = undefined)}>
                ${t("cancel")}
              </button>
            </p>`
          : nothing
      }
      <ul class="pending-list">
        ${pending.map(
          (portion) =>
            html`<li class="pending-row" data-portion=${portion.id}>
              <span
                >${t("pending_row", {
                  grams: formatGrams(portion.grams, lang),
                  time: formatTime(portion.time, this.hass, this._now),
                })}</span
              >
              <button
                class="secondary-button assign"
                aria-pressed=${portion.id === this._assigning ? "true" : "false"}
                ?disabled=${this._busy}
                @click=${() => (this._assigning = portion.id)}
              >
                ${t("assign")}
              </button>
              <button
                class="link-button drop"
                ?disabled=${this._busy}
                @click=${() => this._drop(portion)}
              >
                ${t("drop")}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private _renderChooser(view: TodayView): TemplateResult {
    const t = this._t;
    const chips = chipsOf(view);
    return html`<div class="panel chooser">
      <h3>${t("choose_food")}</h3>
      ${
        chips.length
          ? html`<div class="chips" role="group" aria-label=${t("suggestions")}>
              ${chips.map((chip) => this._renderChip(view, chip))}
            </div>`
          : nothing
      }
      ${this._renderSavedMeals(view)}
      <div style="margin-top: ${chips.length ? 12 : 0}px">
        <input
          class="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          aria-label=${t("search")}
          placeholder=${t("search_placeholder")}
          .value=${this._query}
          @input=${this._onSearchInput}
          @keydown=${this._onSearchKey}
        />
        ${this._renderResults()}
      </div>
    </div>`;
  }

  private _renderSavedMeals(view: TodayView): TemplateResult | typeof nothing {
    const meals = Array.isArray(view.saved_meals) ? view.saved_meals : [];
    if (!meals.length) {
      return nothing;
    }
    const lang = this._lang;
    return html`<div class="chips saved-meals" role="group" aria-label=${this._t("saved_meals")}>
      ${meals.map(
        (meal) =>
          html`<button
            class="chip meal-chip"
            data-meal=${meal.id}
            ?disabled=${this._busy}
            title=${(meal.items ?? []).map((item) => `${formatGrams(item.grams, lang)} ${item.name}`).join(", ")}
            @click=${() => this._logSavedMeal(meal)}
          >
            <span class="name">${meal.name}</span>
            <span class="sub"
              >${this._t("saved_meal_sub", { count: String((meal.items ?? []).length) })}</span
            >
          </button>`,
      )}
    </div>`;
  }

  private async _logSavedMeal(meal: SavedMeal): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    if (!hass || !entryId) {
      return;
    }
    const entry = await this._run(() => logSavedMeal(hass, entryId, meal.id));
    if (entry) {
      this._setNotice({ key: "meal_logged", values: { meal: meal.name } });
    }
  }

  private async _saveMeal(meal: Meal): Promise<void> {
    const hass = this.hass;
    const entryId = this._personId;
    const name = this._savingMeal?.name.trim();
    if (!hass || !entryId || !name) {
      return;
    }
    const done = await this._run(async () => {
      await saveMeal(hass, entryId, name, meal.entry_ids ?? []);
      return true;
    });
    if (done) {
      this._savingMeal = undefined;
      this._setNotice({ key: "meal_saved", values: { meal: name } });
    }
  }

  private _chipLabel(kind: Chip["kind"]): string {
    return this._t(kind);
  }

  private _renderChip(view: TodayView, chip: Chip): TemplateResult {
    const lang = this._lang;
    const settled = settledGrams(view, this._live());
    const icon = {
      predicted: "mdi:clock-outline",
      favorite: "mdi:star-outline",
      recent: "mdi:history",
    }[chip.kind];
    const sub =
      settled !== null
        ? `${formatNutrient(leucineOf(chip.food, settled), lang, 1)} ${this._t("leucine").toLowerCase()}`
        : chip.grams !== null
          ? formatGrams(chip.grams, lang)
          : "";
    const selected = (view.portion?.food ?? view.selected_food)?.id === chip.food.id;
    const label = [
      chip.food.name,
      this._chipLabel(chip.kind),
      settled !== null ? sub : chip.grams !== null ? this._t("usually", { grams: sub }) : "",
    ]
      .filter(Boolean)
      .join(", ");
    return html`<button
      class="chip chip-${chip.kind}"
      data-food=${chip.food.id}
      aria-pressed=${selected ? "true" : "false"}
      aria-label=${label}
      title=${this._chipLabel(chip.kind)}
      ?disabled=${this._busy}
      @click=${() => this._pick(chip.food)}
    >
      <ha-icon icon=${icon} aria-hidden="true"></ha-icon>
      <span>${chip.food.name}</span>
      ${sub ? html`<span class="sub">${sub}</span>` : nothing}
    </button>`;
  }

  private _renderResults(): TemplateResult | typeof nothing {
    const t = this._t;
    const lang = this._lang;
    if (this._results === undefined) {
      return this._searching ? html`<p class="muted">${t("searching")}</p>` : nothing;
    }
    if (!this._results.length) {
      return html`<p class="muted">${t("no_results", { query: this._query.trim() })}</p>`;
    }
    const settled = settledGrams(this._view, this._live());
    return html`<ul class="results" aria-label=${t("search")}>
      ${this._results.map((food) => {
        const other = lang.toLowerCase().startsWith("sv") ? food.name_en : food.name_sv;
        const sub =
          settled !== null
            ? `${formatNutrient(leucineOf(food, settled), lang, 1)} ${t("leucine").toLowerCase()}`
            : `${formatNutrient(food.leucine_g, lang, 2)} ${t("leucine").toLowerCase()} ${t("per_100g")}`;
        return html`<li>
          <button
            class="result"
            data-food=${food.id}
            ?disabled=${this._busy}
            @click=${(event: MouseEvent) => this._pickResult(food, event.detail === 0)}
          >
            <span>
              <span class="name">${food.name}</span>
              ${other && other !== food.name ? html`<span class="other">${other}</span>` : nothing}
              ${food.own ? html`<span class="other">${t("own_food")}</span>` : nothing}
            </span>
            <span class="sub">${food.leucine_estimated ? this._estimated() : nothing}${sub}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private _renderStatus(view: TodayView): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const total = Math.max(0, Math.round(view.targets?.meals_per_day ?? 3));
    const count = Math.max(0, Math.round(view.meals_at_target ?? 0));
    const dots = Math.min(12, Math.max(total, count));
    return html`<div class="stats">
      <div class="panel stat meals-at-target">
        <h3>${t("meals_at_target")}</h3>
        <div class="big">${t("count_of_total", { count, total })}</div>
        <div class="dots" aria-hidden="true">
          ${Array.from({ length: dots }, (_, index) => html`<span class="dot ${index < count ? "on" : ""}"></span>`)}
        </div>
        ${
          view.totals
            ? html`<div class="muted totals">
                ${view.totals.leucine_estimated ? this._estimated() : nothing}${t("totals", {
                  leucine: formatNutrient(view.totals.leucine_g, lang),
                  protein: formatNutrient(view.totals.protein_g, lang, 0),
                  target: formatNutrient(view.targets?.protein_per_day_g ?? 0, lang, 0),
                })}
              </div>`
            : nothing
        }
      </div>
      ${this._renderFasting(view)} ${this._renderNextMeal(view)} ${this._renderWeek(view)}
    </div>`;
  }

  /** The last seven days: averages per calendar day and per logged day, both named. */
  private _renderWeek(view: TodayView): TemplateResult | typeof nothing {
    const week = view.week;
    if (!week || typeof week.days !== "number") {
      return nothing;
    }
    const t = this._t;
    const lang = this._lang;
    const perLogged =
      typeof week.protein_g_per_logged_day === "number"
        ? t("week_per_logged_day", {
            protein: formatNutrient(week.protein_g_per_logged_day, lang, 0),
            logged: String(week.logged_days),
          })
        : t("week_nothing_logged");
    return html`<div class="panel stat week">
      <h3>${t("week_title")}</h3>
      <div class="big">
        ${t("week_per_day", { protein: formatNutrient(week.protein_g_per_day, lang, 0) })}
      </div>
      <div class="muted week-logged">${perLogged}</div>
      <div class="muted week-leucine">
        ${week.leucine_estimated ? this._estimated() : nothing}${t("week_leucine", {
          leucine: formatNutrient(week.leucine_g_per_day, lang),
          meals: String(week.meals_at_target),
        })}
      </div>
      ${
        week.fasts > 0 && typeof week.median_fast_h === "number"
          ? html`<div class="muted week-fasts">
              ${t("week_fasts", {
                count: String(week.fasts),
                median: formatNumber(week.median_fast_h, lang, 1),
                longest: formatNumber(week.longest_fast_h ?? week.median_fast_h, lang, 1),
              })}
            </div>`
          : nothing
      }
    </div>`;
  }

  private _renderFasting(view: TodayView): TemplateResult {
    const t = this._t;
    const fasting = view.fasting;
    let body: TemplateResult;
    if (!fasting) {
      body = html`<div class="big">–</div>`;
    } else if (!fasting.fasting) {
      body = html`<div class="big fasting-hours">${t("meal_in_progress")}</div>`;
    } else {
      const hours = hoursSince(fasting.since, this._now) ?? fasting.hours ?? null;
      if (hours === null) {
        body = html`<div class="big fasting-hours">${t("no_meal_yet")}</div>`;
      } else {
        const goal = fasting.goal_h ?? 0;
        const reached = fasting.goal_reached || (goal > 0 && hours >= goal);
        const fill = goal > 0 ? Math.min(1, hours / goal) : 0;
        body = html`<div class="big fasting-hours">
            ${
              goal > 0
                ? t("fasting_progress", {
                    hours: this._duration(hours),
                    goal: t("hours", { h: goal }),
                  })
                : this._duration(hours)
            }
          </div>
          ${
            goal > 0
              ? html`<div
                  class="bar ${reached ? "full" : ""}"
                  aria-hidden="true"
                  style="margin-top: 6px"
                >
                  <span style="width: ${Math.round(fill * 100)}%"></span>
                </div>`
              : nothing
          }
          <div class="muted">
            ${fasting.since ? t("fasting_since", { time: formatTime(fasting.since, this.hass) }) : nothing}
            ${reached ? html` · <span class="good">${t("goal_reached")}</span>` : nothing}
          </div>`;
      }
    }
    return html`<div class="panel stat fasting">
      <h3>${t("fasting")}</h3>
      ${body}
    </div>`;
  }

  private _duration(hours: number): string {
    const { h, m } = splitHours(hours);
    return this._t("hours_minutes", { h, m });
  }

  private _renderNextMeal(view: TodayView): TemplateResult | typeof nothing {
    const t = this._t;
    const lang = this._lang;
    const next = view.next_meal;
    if (!next) {
      return nothing;
    }
    const time = formatTime(next.time, this.hass, this._now);
    // A suggested time already past is never shown as upcoming: the meal is due now.
    // (The clock, not this._now alone: that ticks every 30 s, a new view comes at any time.)
    const due = next.time ? Date.parse(next.time) <= Math.max(this._now, Date.now()) : false;
    return html`<div class="panel stat next-meal">
      <h3>${t("next_meal")}</h3>
      ${
        time
          ? html`<div class="big next-meal-time">
              ${due ? t("next_meal_now") : t("next_meal_at", { time })}
            </div>`
          : nothing
      }
      ${next.reason_text ? html`<div class="reason">${next.reason_text}</div>` : nothing}
      ${
        typeof next.add_protein_g === "number"
          ? html`<div class="add-now">
              ${t("add_now", { protein: formatNutrient(next.add_protein_g, lang, 0) })}
            </div>`
          : nothing
      }
      ${
        typeof next.target_leucine_g === "number" && typeof next.target_protein_g === "number"
          ? html`<div class="muted">
              ${next.leucine_estimated ? this._estimated() : nothing}${t("aim_for", {
                leucine: formatNutrient(next.target_leucine_g, lang),
                protein: formatNutrient(next.target_protein_g, lang, 0),
              })}
            </div>`
          : nothing
      }
      ${
        next.behind && typeof next.day_protein_remaining_g === "number"
          ? html`<div class="muted behind">
              ${t("behind", {
                protein: formatNutrient(next.day_protein_remaining_g, lang, 0),
                meals: String(next.meals_left ?? 1),
              })}
            </div>`
          : nothing
      }
      ${
        next.window_closes
          ? html`<div class="muted">
              ${t("window_closes", { time: formatTime(next.window_closes, this.hass, this._now) })}
            </div>`
          : nothing
      }
      ${
        next.evidence_text
          ? html`<div class="muted evidence">${t("why", { rule: next.evidence_text })}</div>`
          : nothing
      }
    </div>`;
  }

  private _renderToday(view: TodayView): TemplateResult {
    const t = this._t;
    const entries = Array.isArray(view.entries) ? view.entries : [];
    const byId = new Map(entries.map((entry) => [entry.entry_id, entry]));
    const meals = Array.isArray(view.meals) ? view.meals : [];
    const inMeals = new Set(meals.flatMap((meal) => meal.entry_ids ?? []));
    const loose = entries.filter((entry) => !inMeals.has(entry.entry_id));
    return html`<div class="panel today">
      <h3>${t("today")}</h3>
      ${
        entries.length === 0
          ? html`<p class="muted no-entries">${t("no_entries")}</p>`
          : html`<ul class="meals">
              ${meals.map((meal) => this._renderMeal(view, meal, byId))}
              ${
                loose.length
                  ? html`<li>
                      <ul class="entries">
                        ${loose.map((entry) => this._renderEntry(entry))}
                      </ul>
                    </li>`
                  : nothing
              }
            </ul>`
      }
      ${
        entries.length
          ? html`<div class="footer" style="margin-top: 8px">
              <span></span>
              <button
                class="secondary-button undo-last"
                ?disabled=${this._busy}
                @click=${this._undoLast}
              >
                <ha-icon icon="mdi:undo" aria-hidden="true"></ha-icon>${t("undo_last")}
              </button>
            </div>`
          : nothing
      }
      ${this._renderTrash()}
    </div>`;
  }

  /** Deleted entries, collapsed until opened: each with Restore. */
  private _renderTrash(): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const trash = this._trash;
    return html`<details class="trash" ?open=${this._trashOpen} @toggle=${this._toggleTrash}>
      <summary class="muted">${t("trash")}</summary>
      ${
        trash === undefined
          ? nothing
          : trash.length === 0
            ? html`<p class="muted trash-empty">${t("trash_empty", { days: this._trashDays })}</p>`
            : html`<ul class="entries">
                ${trash.map((entry) => {
                  const grams =
                    typeof entry.grams === "number" ? ` · ${formatGrams(entry.grams, lang)}` : "";
                  return html`<li class="entry trashed" data-entry=${entry.entry_id}>
                    <span class="muted">${formatTime(entry.time, this.hass, this._now)}</span>
                    <span class="name"
                      >${this._entryName(entry)}<span class="muted">${grams}</span>
                      <span class="muted deleted-at"
                        >${t("trash_deleted", {
                          time: formatTime(entry.deleted, this.hass, this._now),
                        })}</span
                      ></span
                    >
                    <button
                      class="secondary-button restore"
                      ?disabled=${this._busy}
                      @click=${() => this._restoreFromTrash(entry)}
                    >
                      ${t("restore")}
                    </button>
                  </li>`;
                })}
              </ul>`
      }
    </details>`;
  }

  private _renderMeal(view: TodayView, meal: Meal, byId: Map<string, Entry>): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const entries = (meal.entry_ids ?? [])
      .map((id) => byId.get(id))
      .filter((entry): entry is Entry => !!entry);
    const target = view.targets?.leucine_per_meal_g;
    return html`<li class="meal">
      <div class="meal-head">
        <span>${t("meal_at", { time: formatTime(meal.start, this.hass) })}</span>
        <span class="${meal.at_target ? "good" : "muted"}">
          ${meal.leucine_estimated ? this._estimated() : nothing}${formatNutrient(meal.leucine_g, lang, 2)}
          ${t("leucine").toLowerCase()}${target ? ` / ${formatNutrient(target, lang)}` : ""} ·
          ${meal.at_target ? `✓ ${t("at_target")}` : t("below_target")}
        </span>
        <button
          class="link-button save-meal"
          @click=${() =>
            (this._savingMeal = {
              start: meal.start,
              name: t("meal_at", { time: formatTime(meal.start, this.hass) }),
            })}
        >
          ${t("save_as_meal")}
        </button>
      </div>
      ${
        this._savingMeal?.start === meal.start
          ? html`<form
              class="save-meal-form"
              @submit=${(event: Event) => {
                event.preventDefault();
                void this._saveMeal(meal);
              }}
            >
              <input
                class="meal-name"
                aria-label=${t("meal_name")}
                .value=${this._savingMeal.name}
                @input=${(event: Event) => {
                  if (this._savingMeal) {
                    this._savingMeal = {
                      ...this._savingMeal,
                      name: (event.target as HTMLInputElement).value,
                    };
                  }
                }}
              />
              <button class="secondary-button" type="submit" ?disabled=${this._busy}>
                ${t("save")}
              </button>
              <button
                class="link-button"
                type="button"
                @click=${() => (this._savingMeal = undefined)}
              >
                ${t("cancel")}
              </button>
            </form>`
          : nothing
      }
      <ul class="entries">
        ${entries.map((entry) => this._renderEntry(entry))}
      </ul>
    </li>`;
  }

  private _renderEntry(entry: Entry): TemplateResult {
    const t = this._t;
    const lang = this._lang;
    const grams = typeof entry.grams === "number" ? formatGrams(entry.grams, lang) : "";
    const time = formatTime(entry.time, this.hass);
    const confirming = this._confirmDelete === entry.entry_id;
    return html`<li class="entry" data-entry=${entry.entry_id}>
      <span class="muted">${time}</span>
      <span class="name"
        >${entry.name}${grams ? html` <span class="muted">· ${grams}</span>` : nothing}</span
      >
      <span class="num"
        >${entry.leucine_estimated ? this._estimated() : nothing}${formatNutrient(entry.leucine_g, lang, 2)}</span
      >
      <button
        class="icon-button delete"
        aria-label=${t("delete_entry", { food: entry.name, grams: grams || "–", time })}
        aria-expanded=${confirming ? "true" : "false"}
        ?disabled=${this._busy}
        @click=${() => this._askDelete(entry.entry_id)}
      >
        <ha-icon icon="mdi:delete-outline" aria-hidden="true"></ha-icon>
      </button>
      ${
        confirming
          ? html`<div class="row confirm">
              <button
                class="secondary-button cancel-delete"
                @click=${() => (this._confirmDelete = undefined)}
              >
                ${t("cancel")}
              </button>
              <button
                class="secondary-button danger confirm-delete"
                ?disabled=${this._busy}
                @click=${() => this._delete(entry)}
              >
                ${t("confirm_delete")}
              </button>
            </div>`
          : nothing
      }
    </li>`;
  }

  private async _askDelete(entryId: string): Promise<void> {
    this._confirmDelete = this._confirmDelete === entryId ? undefined : entryId;
    if (this._confirmDelete) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>(".confirm-delete")?.focus();
    }
  }
}
