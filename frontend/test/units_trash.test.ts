import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetErrorTranslations } from "../src/api";
import type { MtorBalanceCard } from "../src/card";
import type { Entry, FoodView } from "../src/types";
import { amountText, stepAmount, unitLabel, unitsOf } from "../src/units";
import {
  $,
  $$,
  EGG,
  NOW,
  SCALE,
  calls,
  fakeHass,
  mount,
  scaleState,
  settle,
  text,
  view,
} from "./fixtures";
import type { FakeHass } from "./fixtures";

const EGG_UNITS: FoodView = { ...EGG, units: { piece: 50, large: 50, cup: 243 } };

let hass: FakeHass;
let card: MtorBalanceCard | undefined;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    now: NOW,
  });
  resetErrorTranslations();
  window.localStorage.clear();
  hass = fakeHass("sv");
  hass.handlers["mtor_balance/log_food"] = (message) => ({
    entry: {
      entry_id: "eggs",
      time: new Date().toISOString(),
      name: "Egg",
      name_en: "Egg",
      name_sv: "Ägg",
      food: message.food_id,
      grams: message.grams ?? Number(message.amount) * 50,
      protein_g: 12.6,
      leucine_g: 1.09,
    },
    amount: message.amount,
    unit: "piece",
  });
});

afterEach(() => {
  card?.remove();
  card = undefined;
  vi.useRealTimers();
});

function select(element: HTMLElement | null, value: string): void {
  const field = element as HTMLSelectElement;
  field.value = value;
  field.dispatchEvent(new Event("change"));
}

describe("household units", () => {
  it("are words in both languages", () => {
    expect(unitsOf(EGG_UNITS)).toEqual([
      ["piece", 50],
      ["large", 50],
      ["cup", 243],
    ]);
    expect(unitsOf(EGG)).toEqual([]);
    expect(unitLabel("large", 50, "en")).toBe("1 large (50 g)");
    expect(unitLabel("glass", 206.3, "sv")).toBe("1 glas (206 g)");
    expect(unitLabel("slice", 32, "sv")).toBe("1 skiva (32 g)");
    expect(amountText(2, "piece", "Ägg", "sv")).toBe("2 Ägg");
    expect(amountText(2, "slice", "Rågbröd", "sv")).toBe("2 skivor Rågbröd");
    expect(amountText(1, "slice", "Rye bread", "en")).toBe("1 slice Rye bread");
    expect(amountText(0.5, "glass", "Mjölk", "sv")).toBe("0,5 glas Mjölk");
    expect([stepAmount(1, true), stepAmount(1, false), stepAmount(0.5, false)]).toEqual([
      2, 0.5, 0.5,
    ]);
  });

  it("are offered with a stepper when the scale is empty, and log an amount", async () => {
    card = await mount(hass, { entry_id: "entry_erik" }, view({ selected_food: EGG_UNITS }));
    const options = $$(card, ".unit-select option").map((option) => text(option));
    expect(options).toEqual(["Gram", "1 st (50 g)", "1 stor (50 g)", "1 kopp (243 g)"]);
    expect($(card, ".grams-input")).not.toBeNull(); // grams stay the default
    select($(card, ".unit-select"), "piece");
    await settle(card);
    expect($(card, ".grams-input")).toBeNull();
    expect(text($(card, ".stepper .amount"))).toBe("1");
    $(card, ".amount-more")?.click();
    await settle(card);
    expect(text($(card, ".stepper .amount"))).toBe("2");
    // The portion's values are for the amount: 2 eggs, 100 g.
    expect(text($(card, ".portion-leucine"))).not.toContain("per 100 g");
    expect(text($(card, ".portion-protein"))).toBe("12,6 g");
    ($(card, ".manual") as HTMLFormElement).requestSubmit();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_food")).toEqual([
      {
        type: "mtor_balance/log_food",
        entry_id: "entry_erik",
        food_id: "03000",
        amount: 2,
        unit: "piece",
        language: "sv",
      },
    ]);
    expect(text($(card, ".notice"))).toContain("Loggade 2 Ägg (100 g).");
  });

  it("are not offered while something is on the scale, nor without units", async () => {
    hass = { ...hass, states: { [SCALE]: scaleState("80") } };
    card = await mount(hass, { entry_id: "entry_erik" }, view({ selected_food: EGG_UNITS }));
    expect($(card, ".unit-select")).toBeNull();
    card.remove();
    hass = fakeHass("sv");
    card = await mount(hass, { entry_id: "entry_erik" }, view({ selected_food: EGG }));
    expect($(card, ".unit-select")).toBeNull();
    expect($(card, ".grams-input")).not.toBeNull();
  });

  it("are offered to a person without a scale", async () => {
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ scale_entity: null, selected_food: EGG_UNITS }),
    );
    expect($(card, ".unit-select")).not.toBeNull();
  });
});

const TRASHED: Entry[] = [
  {
    entry_id: "t1",
    time: "2026-11-02T06:30:00+00:00",
    deleted: "2026-11-02T10:00:00+00:00",
    name: "Cottage cheese",
    name_en: "Cottage cheese",
    name_sv: "Keso",
    grams: 200,
    protein_g: 24.8,
    leucine_g: 2.54,
  },
  {
    entry_id: "t2",
    time: "2026-10-30T06:30:00+00:00",
    deleted: "2026-11-01T10:00:00+00:00",
    name: "Egg",
    name_en: "Egg",
    name_sv: "Ägg",
    grams: 50,
    protein_g: 6.3,
    leucine_g: 0.55,
  },
];

describe("the trash", () => {
  it("is collapsed, lists the deleted entries when opened and restores one", async () => {
    let trash = [...TRASHED];
    hass.handlers["mtor_balance/trash"] = () => ({ entries: trash, kept_days: 30 });
    card = await mount(hass);
    const details = $(card, "details.trash") as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(text($(card, ".trash summary"))).toBe("Raderat, kan återställas");
    expect(calls(hass, "mtor_balance/trash")).toEqual([]);

    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    await settle(card);
    expect(calls(hass, "mtor_balance/trash")).toEqual([
      { type: "mtor_balance/trash", entry_id: "entry_erik", language: "sv" },
    ]);
    const rows = $$(card, ".trashed");
    expect(rows.map((row) => row.dataset.entry)).toEqual(["t1", "t2"]);
    expect(text(rows[0])).toContain("Keso · 200 g");
    expect(text(rows[0])).toContain("raderad 11:00");
    expect(text(rows[1].querySelector(".restore"))).toBe("Återställ");

    trash = [TRASHED[0]];
    (rows[1].querySelector(".restore") as HTMLElement).click();
    await settle(card);
    expect(calls(hass, "mtor_balance/restore_entry")).toEqual([
      { type: "mtor_balance/restore_entry", entry_id: "entry_erik", log_entry_id: "t2" },
    ]);
    // The notice names the food in the reader's language; the list is read again.
    expect(text($(card, ".notice"))).toContain("Lade tillbaka Keso.");
    await settle(card);
    expect(calls(hass, "mtor_balance/trash")).toHaveLength(2);
    expect($$(card, ".trashed").map((row) => row.dataset.entry)).toEqual(["t1"]);
  });

  it("says when nothing is there, in English too", async () => {
    hass = fakeHass("en");
    hass.handlers["mtor_balance/trash"] = () => ({ entries: [], kept_days: 30 });
    card = await mount(hass);
    const details = $(card, "details.trash") as HTMLDetailsElement;
    expect(text($(card, ".trash summary"))).toBe("Deleted, can be restored");
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
    await settle(card);
    expect(text($(card, ".trash-empty"))).toBe("Nothing deleted in the last 30 days.");
  });
});
