// A fake `hass` (websocket stubs) and a TodayView as the backend sends it.

import { vi } from "vitest";

import "../src/mtor-balance-card";
import type { MtorBalanceCard } from "../src/card";
import type { FoodView, HassEntity, HomeAssistant, MessageBase, TodayView } from "../src/types";

export const SCALE = "sensor.kitchen_scale";
export const NOW = Date.parse("2026-11-02T11:00:00Z"); // 12:00 in Stockholm

export const KESO: FoodView = {
  id: "01012",
  name: "Cottage cheese",
  name_en: "Cottage cheese",
  name_sv: "Keso",
  category: "dairy",
  protein_g: 12.4,
  leucine_g: 1.27,
  leucine_estimated: false,
  own: false,
};

export const CHICKEN: FoodView = {
  id: "02100",
  name: "Chicken breast",
  name_en: "Chicken breast",
  name_sv: "Kycklingbröst",
  category: "meat",
  protein_g: 23,
  leucine_g: 1.8,
  leucine_estimated: true,
  own: false,
};

export const EGG: FoodView = {
  id: "03000",
  name: "Egg",
  name_en: "Egg",
  name_sv: "Ägg",
  category: "egg",
  protein_g: 12.6,
  leucine_g: 1.09,
  leucine_estimated: false,
  own: false,
};

export function view(overrides: Partial<TodayView> = {}): TodayView {
  return {
    entry_id: "entry_erik",
    name: "Erik",
    language: "en",
    scale_entity: SCALE,
    log_mode: "on_removal",
    portion: null,
    selected_food: null,
    chips: {
      predicted: [{ food: KESO, grams: 150 }],
      favorites: [CHICKEN, KESO],
      recent: [EGG, KESO],
    },
    entries: [
      {
        entry_id: "e1",
        time: "2026-11-02T06:30:00+00:00",
        name: "Cottage cheese",
        food: "01012",
        grams: 200,
        protein_g: 24.8,
        leucine_g: 2.54,
        kcal: 180,
        leucine_estimated: false,
        source: "scale",
      },
      {
        entry_id: "e2",
        time: "2026-11-02T06:35:00+00:00",
        name: "Chicken breast",
        food: "02100",
        grams: 100,
        protein_g: 23,
        leucine_g: 1.8,
        kcal: 120,
        leucine_estimated: true,
        source: "action",
      },
    ],
    meals: [
      {
        start: "2026-11-02T06:30:00+00:00",
        end: "2026-11-02T06:35:00+00:00",
        protein_g: 47.8,
        leucine_g: 4.34,
        leucine_estimated: true,
        at_target: true,
        entry_ids: ["e1", "e2"],
      },
    ],
    totals: { protein_g: 47.8, leucine_g: 4.34, leucine_estimated: true },
    targets: { leucine_per_meal_g: 2.5, protein_per_day_g: 128, meals_per_day: 3 },
    meals_at_target: 1,
    day_type: "normal",
    fasting: {
      fasting: true,
      since: "2026-11-02T06:35:00+00:00",
      hours: 4.4,
      goal_h: 14,
      goal_end: "2026-11-02T20:35:00+00:00",
      goal_reached: false,
    },
    next_meal: {
      time: "2026-11-02T11:30:00+00:00",
      reason: "refractory",
      reason_text: "About 3 hours after your last meal (longer after a large one)",
      evidence: "areta_2013",
      evidence_text: "Areta 2013: about 3 h between meals (one trial, young trained men)",
      add_protein_g: null,
      day_protein_remaining_g: 100,
      meals_left: 2,
      behind: false,
      target_leucine_g: 2.5,
      target_protein_g: 40,
      window_closes: "2026-11-02T17:00:00+00:00",
      leucine_estimated: false,
    },
    ...overrides,
  };
}

type Handler = (message: MessageBase) => unknown;

export interface FakeHass extends HomeAssistant {
  callWS: ReturnType<typeof vi.fn> & HomeAssistant["callWS"];
  subscriptions: { message: MessageBase; callback: (view: TodayView) => void; active: boolean }[];
  handlers: Record<string, Handler>;
  /** Push a view to every active subscription. */
  push(view: TodayView): void;
}

export function scaleState(grams: string, unit = "g"): HassEntity {
  return { entity_id: SCALE, state: grams, attributes: { unit_of_measurement: unit } };
}

export function fakeHass(language = "en"): FakeHass {
  const handlers: Record<string, Handler> = {
    "mtor_balance/people": () => ({ people: [{ entry_id: "entry_erik", name: "Erik" }] }),
    "mtor_balance/search_foods": () => ({ foods: [KESO] }),
    "mtor_balance/select_food": () => null,
    "mtor_balance/log_portion": (message) => ({
      entry: {
        entry_id: "new",
        time: new Date().toISOString(),
        name: "Cottage cheese",
        name_en: "Cottage cheese",
        name_sv: "Keso",
        food: message.food_id,
        grams: 150,
        protein_g: 18.6,
        leucine_g: 1.9,
      },
    }),
    "mtor_balance/log_food": (message) => ({
      entry: {
        entry_id: "new",
        time: new Date().toISOString(),
        name: "Cottage cheese",
        food: message.food_id,
        grams: message.grams,
        protein_g: 1,
        leucine_g: 1,
      },
    }),
    "mtor_balance/delete_entry": (message) => ({
      entry: {
        entry_id: message.log_entry_id,
        time: "2026-11-02T06:30:00+00:00",
        name: "Cottage cheese",
        name_en: "Cottage cheese",
        name_sv: "Keso",
        grams: 200,
        protein_g: 24.8,
        leucine_g: 2.54,
      },
    }),
    "mtor_balance/claim_scale": () => null,
    "mtor_balance/restore_entry": (message) => ({
      entry: {
        entry_id: message.log_entry_id,
        time: "2026-11-02T06:30:00+00:00",
        name: "Cottage cheese",
        name_en: "Cottage cheese",
        name_sv: "Keso",
        grams: 200,
        protein_g: 24.8,
        leucine_g: 2.54,
      },
    }),
    "mtor_balance/save_meal": () => null,
    "mtor_balance/log_saved_meal": () => ({
      entry: {
        entry_id: "m2",
        time: new Date().toISOString(),
        name: "Bananas, raw",
        grams: 120,
        protein_g: 1.3,
        leucine_g: 0.08,
      },
    }),
    "mtor_balance/drop_portion": () => null,
    "mtor_balance/assign_portion": (message) => ({
      entry: {
        entry_id: "assigned",
        time: "2026-11-02T06:32:00+00:00",
        name: "Cottage cheese",
        food: message.food_id,
        grams: 80,
        protein_g: 8.9,
        leucine_g: 0.9,
      },
    }),
    "mtor_balance/undo": () => ({
      entry: {
        entry_id: "e2",
        time: "2026-11-02T06:35:00+00:00",
        name: "Chicken breast",
        name_en: "Chicken breast",
        name_sv: "Kycklingbröst",
        grams: 100,
        protein_g: 23,
        leucine_g: 1.8,
      },
    }),
  };
  const subscriptions: FakeHass["subscriptions"] = [];
  const hass = {
    states: { [SCALE]: scaleState("0") },
    language,
    locale: { language, time_zone: "server", time_format: "24" },
    config: { time_zone: "Europe/Stockholm" },
    themes: { darkMode: false },
    localize: vi.fn(() => ""),
    loadBackendTranslation: vi.fn(() => Promise.resolve(hass.localize)),
    handlers,
    subscriptions,
    callWS: vi.fn((message: MessageBase) => {
      const handler = handlers[message.type];
      if (!handler) {
        return Promise.reject({
          code: "unknown_command",
          message: `Unknown command ${message.type}`,
        });
      }
      try {
        return Promise.resolve(handler(message));
      } catch (err) {
        return Promise.reject(err);
      }
    }),
    connection: {
      subscribeMessage: vi.fn((callback: (view: TodayView) => void, message: MessageBase) => {
        const subscription = { message, callback, active: true };
        subscriptions.push(subscription);
        return Promise.resolve(() => {
          subscription.active = false;
        });
      }),
    },
    push(pushed: TodayView) {
      for (const subscription of subscriptions) {
        if (subscription.active) {
          subscription.callback(pushed);
        }
      }
    },
  };
  return hass as unknown as FakeHass;
}

/** Let promises settle and Lit render. */
export async function settle(card?: MtorBalanceCard): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
  if (card) {
    await card.updateComplete;
  }
}

export async function mount(
  hass: FakeHass,
  config: Record<string, unknown> = { entry_id: "entry_erik" },
  pushed: TodayView | null = view(),
): Promise<MtorBalanceCard> {
  const card = document.createElement("mtor-balance-card") as MtorBalanceCard;
  card.setConfig({ type: "custom:mtor-balance-card", ...config });
  card.hass = hass;
  document.body.appendChild(card);
  await settle(card);
  if (pushed) {
    hass.push(pushed);
    await settle(card);
  }
  return card;
}

export function $(card: HTMLElement, selector: string): HTMLElement | null {
  return card.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

export function $$(card: HTMLElement, selector: string): HTMLElement[] {
  return Array.from(card.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);
}

export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function calls(hass: FakeHass, type: string): MessageBase[] {
  return (hass.callWS.mock.calls as [MessageBase][])
    .map(([message]) => message)
    .filter((message) => message.type === type);
}
