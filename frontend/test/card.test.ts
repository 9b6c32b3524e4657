import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetErrorTranslations } from "../src/api";
import { SEARCH_DEBOUNCE_MS, type MtorBalanceCard } from "../src/card";
import type { TodayView } from "../src/types";
import {
  $,
  $$,
  CHICKEN,
  KESO,
  NOW,
  SCALE,
  calls,
  fakeHass,
  mount,
  scaleState,
  settle,
  text,
  view,
  type FakeHass,
} from "./fixtures";

const SETTLED: Partial<TodayView> = {
  portion: { grams: 150, food: null, protein_g: null, leucine_g: null, leucine_estimated: false },
};

let hass: FakeHass;
let card: MtorBalanceCard | undefined;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    now: NOW,
  });
  resetErrorTranslations();
  window.localStorage.clear();
  hass = fakeHass();
});

afterEach(() => {
  card?.remove();
  card = undefined;
  vi.useRealTimers();
});

function withScale(grams: string, unit = "g"): void {
  hass = { ...hass, states: { ...hass.states, [SCALE]: scaleState(grams, unit) } };
  if (card) {
    card.hass = hass;
  }
}

describe("rendering a view", () => {
  it("shows the person's day", async () => {
    card = await mount(hass);
    expect(hass.connection.subscribeMessage).toHaveBeenCalledTimes(1);
    expect(hass.subscriptions[0].message).toEqual({
      type: "mtor_balance/subscribe_today",
      entry_id: "entry_erik",
      language: "en",
    });
    expect(text($(card, "h2"))).toBe("Erik");
    expect(text($(card, ".weight"))).toBe("0 g");
    // Predicted first, then favourites, then recent; each food once.
    expect($$(card, ".chip").map((chip) => chip.dataset.food)).toEqual(["01012", "02100", "03000"]);
    expect(text($(card, ".chip-predicted"))).toContain("150 g");
    const rows = $$(card, ".entry");
    expect(rows.map((row) => row.dataset.entry)).toEqual(["e1", "e2"]);
    expect(text(rows[0])).toContain("Cottage cheese · 200 g");
    expect(text(rows[0])).toContain("2.54 g");
    expect(text(rows[0])).toContain("07:30"); // Stockholm time
    // Estimated leucine is marked (and only there).
    expect($(rows[0], ".est")).toBeNull();
    expect(rows[1].querySelector(".est")).not.toBeNull();
    expect(text($(card, ".meal-head"))).toContain("at target");
    expect(text($(card, ".next-meal"))).toContain("About 3 hours after your last meal");
    expect(text($(card, ".next-meal"))).toContain("12:30");
    expect(text($(card, ".next-meal"))).toContain("Aim for 2.5 g leucine and 40 g protein.");
    // The advice names its rule and evidence; no "add now" and no "behind" unless said.
    expect(text($(card, ".next-meal .evidence"))).toBe(
      "Why: Areta 2013: about 3 h between meals (one trial, young trained men)",
    );
    expect($(card, ".add-now")).toBeNull();
    expect($(card, ".behind")).toBeNull();
  });

  it("asks to add protein to an open meal now, and says when the day is behind", async () => {
    const next = view().next_meal;
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        next_meal: {
          ...next,
          reason: "add_to_meal",
          reason_text: "Your meal is under target: add protein to it now",
          add_protein_g: 30,
          behind: true,
          day_protein_remaining_g: 111,
          meals_left: 3,
        },
      }),
    );
    expect(text($(card, ".add-now"))).toBe("Add about 30 g protein to this meal now.");
    expect(text($(card, ".behind"))).toBe("Behind on today's protein: 111 g left for 3 meal(s).");
  });

  it("tolerates unknown fields and missing optional ones", async () => {
    const minimal = {
      entry_id: "entry_erik",
      name: "Erik",
      pending: [{ grams: 12 }],
      evidence: { rule: "x" },
    } as unknown as TodayView;
    card = await mount(hass, { entry_id: "entry_erik" }, minimal);
    expect(text($(card, "h2"))).toBe("Erik");
    expect(text($(card, ".no-entries"))).toBe("Nothing logged today.");
    expect(text($(card, ".meals-at-target"))).toContain("Meals at target 0 of 3");
    expect($(card, ".scale-status")?.textContent).toContain("No scale is set for Erik");
  });

  it("shows meals at target as x of N, not as a gauge", async () => {
    card = await mount(hass, { entry_id: "entry_erik" }, view({ meals_at_target: 1 }));
    expect(text($(card, ".meals-at-target h3"))).toBe("Meals at target");
    expect(text($(card, ".meals-at-target .big"))).toBe("1 of 3");
    expect($$(card, ".dot").length).toBe(3);
    expect($$(card, ".dot.on").length).toBe(1);
    expect($(card, "ha-gauge")).toBeNull();
    hass.push(
      view({
        meals_at_target: 3,
        targets: { leucine_per_meal_g: 3, protein_per_day_g: 120, meals_per_day: 4 },
      }),
    );
    await settle(card);
    expect(text($(card, ".meals-at-target .big"))).toBe("3 of 4");
  });

  it("re-renders for the scale but not for other entities", async () => {
    card = await mount(hass);
    const render = vi.spyOn(card as unknown as { render: () => unknown }, "render");
    card.hass = { ...hass, states: { ...hass.states, "sensor.other": scaleState("1") } };
    await settle(card);
    expect(render).not.toHaveBeenCalled();
    withScale("0.152", "kg");
    await settle(card);
    expect(render).toHaveBeenCalled();
    expect(text($(card, ".weight"))).toBe("152 g");
  });
});

describe("one tap", () => {
  it("logs the settled portion when a chip is tapped", async () => {
    withScale("150");
    card = await mount(hass, { entry_id: "entry_erik" }, view(SETTLED));
    expect($(card, "[data-settled]")?.dataset.settled).toBe("150");
    // The chips show each food's leucine for the portion on the scale.
    expect(text($(card, ".chip-predicted .sub"))).toBe("1.9 g leucine");
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toEqual([
      { type: "mtor_balance/log_portion", entry_id: "entry_erik", food_id: "01012" },
    ]);
    expect(calls(hass, "mtor_balance/select_food")).toEqual([]);
    expect(text($(card, ".notice"))).toContain("Logged 150 g Cottage cheese.");
    // Undo deletes exactly the entry just logged.
    $(card, ".undo-notice")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/delete_entry")).toEqual([
      { type: "mtor_balance/delete_entry", entry_id: "entry_erik", log_entry_id: "new" },
    ]);
  });

  it("selects the food when nothing has settled", async () => {
    card = await mount(hass);
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/select_food")).toEqual([
      { type: "mtor_balance/select_food", entry_id: "entry_erik", food_id: "01012" },
    ]);
    expect(calls(hass, "mtor_balance/log_portion")).toEqual([]);
    // The selected food shows with its values per 100 g; the usual grams are offered.
    hass.push(view({ selected_food: KESO }));
    await settle(card);
    expect(text($(card, ".food-name"))).toBe("Cottage cheese");
    expect(text($(card, ".portion-leucine"))).toBe("1.27 g per 100 g");
    expect(($(card, ".grams-input") as HTMLInputElement).value).toBe("150");
    ($(card, ".manual") as HTMLFormElement).requestSubmit();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_food")).toEqual([
      { type: "mtor_balance/log_food", entry_id: "entry_erik", food_id: "01012", grams: 150 },
    ]);
  });

  it("selects (not logs) while the bowl is being topped up", async () => {
    withScale("230");
    card = await mount(hass, { entry_id: "entry_erik" }, view(SETTLED));
    expect($(card, "[data-settled]")).toBeNull();
    expect(text($(card, ".scale-status"))).toBe("Holding steady…");
    $(card, ".chip-favorite")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/select_food")).toHaveLength(1);
    expect(calls(hass, "mtor_balance/log_portion")).toHaveLength(0);
  });

  it("ignores a second tap while the first is being logged", async () => {
    withScale("150");
    card = await mount(hass, { entry_id: "entry_erik" }, view(SETTLED));
    $(card, ".chip-predicted")?.click();
    $(card, ".chip-favorite")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toHaveLength(1);
  });

  it("shows the portion against the per-meal target and a Log button in button mode", async () => {
    withScale("150");
    const pushed = view({
      log_mode: "button",
      portion: {
        grams: 150,
        food: KESO,
        protein_g: 18.6,
        leucine_g: 1.9,
        leucine_estimated: false,
      },
      selected_food: KESO,
    });
    card = await mount(hass, { entry_id: "entry_erik" }, pushed);
    // leucine = 150 / 100 × 1.27 g, computed in the card
    expect(text($(card, ".portion-leucine"))).toBe("1.91 g");
    expect(text($(card, ".food .nutrients"))).toContain("of 2.5 g per meal");
    expect(text($(card, ".portion-protein"))).toBe("18.6 g");
    // During a meal the portion adds to it.
    hass.push({ ...pushed, fasting: { fasting: false, since: null, goal_h: 14 } });
    await settle(card);
    expect(text($(card, ".meal-target"))).toBe("· the meal with it: 6.25 g of 2.5 g");
    expect($(card, ".food .bar.full")).not.toBeNull();
    $(card, ".log-button")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toEqual([
      { type: "mtor_balance/log_portion", entry_id: "entry_erik", food_id: "01012" },
    ]);
  });

  it("asks to take the portion off in on_removal mode, and says when it was logged", async () => {
    withScale("150");
    const pushed = view({ portion: { grams: 150, food: KESO }, selected_food: KESO });
    card = await mount(hass, { entry_id: "entry_erik" }, pushed);
    expect($(card, ".log-button")).toBeNull();
    expect(text($(card, ".food"))).toContain("Take it off the scale to log it.");
    withScale("0");
    const logged = view();
    logged.entries = [
      ...(logged.entries ?? []),
      {
        entry_id: "e3",
        time: new Date(NOW).toISOString(),
        name: "Cottage cheese",
        food: "01012",
        grams: 150,
        protein_g: 18.6,
        leucine_g: 1.91,
        source: "scale",
      },
    ];
    hass.push(logged);
    await settle(card);
    expect(text($(card, ".notice"))).toContain("Logged 150 g Cottage cheese.");
  });

  it("shows backend errors translated, and loads the translations once", async () => {
    withScale("150");
    let key = "no_portion";
    hass.handlers["mtor_balance/log_portion"] = () => {
      throw {
        code: "service_validation_error",
        message: "There is no settled portion",
        translation_domain: "mtor_balance",
        translation_key: key,
        translation_placeholders: { food: "x" },
      };
    };
    // As in Home Assistant: hass.localize has no exception texts until they are loaded, and
    // loadBackendTranslation answers with the localize function that has them.
    const loadedLocalize = vi.fn((wanted: string) =>
      wanted === "component.mtor_balance.exceptions.no_portion.message"
        ? "Ingen stilla portion på vågen."
        : "",
    );
    hass.loadBackendTranslation = vi.fn(() => Promise.resolve(loadedLocalize));
    card = await mount(hass, { entry_id: "entry_erik" }, view(SETTLED));
    $(card, ".chip-predicted")?.click();
    await settle(card);
    await settle(card);
    expect(text($(card, ".error span"))).toBe("Ingen stilla portion på vågen.");
    expect(hass.loadBackendTranslation).toHaveBeenCalledWith("exceptions", "mtor_balance");
    expect(loadedLocalize).toHaveBeenCalledWith(
      "component.mtor_balance.exceptions.no_portion.message",
      { food: "x" },
    );
    // Without a translation: the error's own message.
    key = "something_new";
    $(card, ".chip-predicted")?.click();
    await settle(card);
    await settle(card);
    expect(text($(card, ".error span"))).toBe("There is no settled portion");
    expect(hass.loadBackendTranslation).toHaveBeenCalledTimes(1);
  });
});

describe("a shared scale", () => {
  const PENDING = [{ id: "p1", time: "2026-11-02T06:32:00+00:00", grams: 80 }];

  it("offers Weigh for me, and says who else is weighing", async () => {
    withScale("120");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ scale: { shared: true, claimed: false, in_use_by: "Anna" } }),
    );
    // Whose portion it is, and how to take it over (Weigh for me, then a food: two taps).
    expect(text($(card, ".scale-status"))).toBe(
      "On the scale for Anna — tap Weigh for me to take it",
    );
    $(card, ".claim")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/claim_scale")).toEqual([
      { type: "mtor_balance/claim_scale", entry_id: "entry_erik" },
    ]);
    hass.push(view({ scale: { shared: true, claimed: true, in_use_by: null } }));
    await settle(card);
    expect($(card, ".claim")).toBeNull();
  });

  it("says in Swedish whose portion is on the scale and how to take it", async () => {
    hass = fakeHass("sv");
    withScale("120");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ language: "sv", scale: { shared: true, claimed: false, in_use_by: "Anna" } }),
    );
    expect(text($(card, ".scale-status"))).toBe(
      "På vågen för Anna — tryck Väg åt mig för att ta den",
    );
    expect(text($(card, ".claim"))).toBe("Väg åt mig");
    // Only while this person can take it: with their own claim running, just whose it is.
    hass.push(view({ language: "sv", scale: { shared: true, claimed: true, in_use_by: "Anna" } }));
    await settle(card);
    expect(text($(card, ".scale-status"))).toBe("På vågen för Anna");
  });

  it("logs a portion nobody claimed with one tap", async () => {
    withScale("90");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        scale: { shared: true, claimed: false, in_use_by: null },
        portion: { grams: 90, food: null, unclaimed: true },
      }),
    );
    expect(text($(card, ".unclaimed"))).toBe(
      "The 90 g on the scale is nobody's yet: tap a food to log it as yours.",
    );
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toHaveLength(1);
  });

  it("assigns a waiting portion: Choose food, then tap the food", async () => {
    card = await mount(hass, { entry_id: "entry_erik" }, view({ pending: PENDING }));
    expect(text($(card, ".pending-row"))).toContain("80 g at 07:32");
    $(card, ".assign")?.click();
    await settle(card);
    expect(text($(card, ".assigning"))).toContain("Tap the food for the 80 g weighed at 07:32.");
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/assign_portion")).toEqual([
      {
        type: "mtor_balance/assign_portion",
        entry_id: "entry_erik",
        portion_id: "p1",
        food_id: "01012",
      },
    ]);
    expect(calls(hass, "mtor_balance/select_food")).toEqual([]);
    expect(text($(card, ".notice"))).toContain("Logged 80 g Cottage cheese.");
  });

  it("drops a waiting portion", async () => {
    card = await mount(hass, { entry_id: "entry_erik" }, view({ pending: PENDING }));
    $(card, ".drop")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/drop_portion")).toEqual([
      { type: "mtor_balance/drop_portion", entry_id: "entry_erik", portion_id: "p1" },
    ]);
    expect(text($(card, ".notice"))).toBe("Dropped 80 g.");
  });
});

describe("eating from a container", () => {
  it("selects the food instead of logging the container, and says how it works", async () => {
    withScale("150");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ ...SETTLED, log_mode: "container" }),
    );
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toEqual([]);
    expect(calls(hass, "mtor_balance/select_food")).toHaveLength(1);
    hass.push(
      view({
        ...SETTLED,
        log_mode: "container",
        selected_food: view().chips?.predicted?.[0]?.food,
      }),
    );
    await settle(card);
    expect(text($(card, ".food"))).toContain("weigh it again when you are done");
  });
});

describe("the week", () => {
  it("names both averages: per calendar day and per logged day", async () => {
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        week: {
          first_day: "2026-10-26",
          last_day: "2026-11-01",
          days: 7,
          logged_days: 4,
          protein_g_per_day: 68.6,
          protein_g_per_logged_day: 120,
          leucine_g_per_day: 5.43,
          leucine_g_per_logged_day: 9.5,
          meals_at_target: 9,
          fasts: 4,
          longest_fast_h: 17.5,
          median_fast_h: 15.25,
        },
      }),
    );
    expect(text($(card, ".week .big"))).toBe("69 g protein per day");
    expect(text($(card, ".week-logged"))).toBe("120 g per logged day (4 of 7 days logged)");
    expect(text($(card, ".week-fasts"))).toBe(
      "4 fasts of 8 h or more: median 15.3 h, longest 17.5 h",
    );
  });
});

describe("saved meals", () => {
  it("logs a saved meal with one tap, and saves a meal of today's list", async () => {
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        saved_meals: [
          {
            id: "meal_breakfast",
            name: "Breakfast",
            items: [
              { name: "Cottage cheese", grams: 200 },
              { name: "Bananas, raw", grams: 120 },
            ],
          },
        ],
      }),
    );
    const chip = $(card, ".meal-chip");
    expect(text(chip)).toContain("Breakfast");
    expect(chip?.getAttribute("title")).toBe("200 g Cottage cheese, 120 g Bananas, raw");
    chip?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/log_saved_meal")).toEqual([
      { type: "mtor_balance/log_saved_meal", entry_id: "entry_erik", meal_id: "meal_breakfast" },
    ]);
    expect(text($(card, ".notice"))).toBe("Logged Breakfast.");

    $(card, ".save-meal")?.click();
    await settle(card);
    const input = $(card, ".meal-name") as HTMLInputElement;
    expect(input.value).toBe("Meal at 07:30");
    input.value = "Morning";
    input.dispatchEvent(new Event("input"));
    await settle(card);
    ($(card, ".save-meal-form") as HTMLFormElement).requestSubmit();
    await settle(card);
    expect(calls(hass, "mtor_balance/save_meal")).toEqual([
      {
        type: "mtor_balance/save_meal",
        entry_id: "entry_erik",
        name: "Morning",
        log_entry_ids: view().meals?.[0].entry_ids,
      },
    ]);
    expect(text($(card, ".notice"))).toBe("Saved Morning as a meal.");
  });
});

describe("search", () => {
  it("is debounced and asks in the user's language", async () => {
    hass = fakeHass("sv");
    hass.handlers["mtor_balance/search_foods"] = () => ({
      foods: [
        { ...KESO, name: "Keso" },
        { ...CHICKEN, name: "Kycklingbröst" },
      ],
    });
    card = await mount(hass);
    const input = $(card, ".search") as HTMLInputElement;
    for (const query of ["k", "ke", "kes", "keso"]) {
      input.value = query;
      input.dispatchEvent(new Event("input"));
      vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS / 2);
    }
    expect(calls(hass, "mtor_balance/search_foods")).toHaveLength(0);
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await settle(card);
    expect(calls(hass, "mtor_balance/search_foods")).toEqual([
      {
        type: "mtor_balance/search_foods",
        entry_id: "entry_erik",
        query: "keso",
        language: "sv",
        limit: 12,
      },
    ]);
    const results = $$(card, ".result");
    expect(results.map((result) => text(result.querySelector(".name")))).toEqual([
      "Keso",
      "Kycklingbröst",
    ]);
    // The other language's name is shown too.
    expect(text(results[0].querySelector(".other"))).toBe("Cottage cheese");
    // Nothing settled: the tap selects, and the search is cleared.
    results[0].click();
    await settle(card);
    expect(calls(hass, "mtor_balance/select_food")).toEqual([
      { type: "mtor_balance/select_food", entry_id: "entry_erik", food_id: "01012" },
    ]);
    expect($$(card, ".result")).toHaveLength(0);
  });

  it("drops an answer that comes after a newer query", async () => {
    const answers: ((value: unknown) => void)[] = [];
    hass.callWS.mockImplementation((message: { type: string; query?: string }) =>
      message.type === "mtor_balance/search_foods"
        ? new Promise((resolve) => answers.push(resolve))
        : Promise.resolve(null),
    );
    card = await mount(hass);
    const input = $(card, ".search") as HTMLInputElement;
    input.value = "egg";
    input.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    input.value = "keso";
    input.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    answers[1]({ foods: [KESO] });
    answers[0]({ foods: [CHICKEN] });
    await settle(card);
    expect($$(card, ".result").map((result) => result.dataset.food)).toEqual(["01012"]);
  });

  it("logs the first result with Enter when a portion has settled", async () => {
    withScale("150");
    card = await mount(hass, { entry_id: "entry_erik" }, view(SETTLED));
    const input = $(card, ".search") as HTMLInputElement;
    input.value = "keso";
    input.dispatchEvent(new Event("input"));
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS);
    await settle(card);
    expect(text($(card, ".result .sub"))).toBe("1.9 g leucine");
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await settle(card);
    expect(calls(hass, "mtor_balance/log_portion")).toHaveLength(1);
    // The search is cleared, and the keyboard stays in it for the next food.
    await settle(card);
    expect(input.value).toBe("");
    expect(card.shadowRoot?.activeElement).toBe(input);
  });
});

describe("today's entries", () => {
  it("deletes an entry after a confirmation", async () => {
    card = await mount(hass);
    const button = $(card, '[data-entry="e1"] .delete');
    expect(button?.getAttribute("aria-label")).toBe("Delete Cottage cheese (200 g) from 07:30");
    button?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/delete_entry")).toHaveLength(0);
    $(card, ".confirm-delete")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/delete_entry")).toEqual([
      { type: "mtor_balance/delete_entry", entry_id: "entry_erik", log_entry_id: "e1" },
    ]);
    expect(text($(card, ".notice"))).toContain("Deleted Cottage cheese.");
    hass.push(
      view({ entries: [view().entries![1]], meals: [{ ...view().meals![0], entry_ids: ["e2"] }] }),
    );
    await settle(card);
    expect($$(card, ".entry").map((row) => row.dataset.entry)).toEqual(["e2"]);
    // A deleted entry can be put back once.
    $(card, ".restore-notice")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/restore_entry")).toEqual([
      { type: "mtor_balance/restore_entry", entry_id: "entry_erik", log_entry_id: "e1" },
    ]);
    expect(text($(card, ".notice"))).toBe("Put Cottage cheese back.");
  });

  it("undoes the last entry", async () => {
    card = await mount(hass);
    $(card, ".undo-last")?.click();
    await settle(card);
    expect(calls(hass, "mtor_balance/undo")).toEqual([
      { type: "mtor_balance/undo", entry_id: "entry_erik" },
    ]);
    expect(text($(card, ".notice"))).toContain("Removed Chicken breast.");
    expect($(card, ".restore-notice")).not.toBeNull();
  });
});

describe("fasting", () => {
  it("counts the hours live from fasting.since", async () => {
    const since = new Date(NOW - 13 * 3_600_000).toISOString();
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ fasting: { fasting: true, since, hours: 13, goal_h: 14, goal_reached: false } }),
    );
    expect(text($(card, ".fasting-hours"))).toBe("13 h 0 min of 14 h");
    vi.advanceTimersByTime(30 * 60_000);
    await settle(card);
    expect(text($(card, ".fasting-hours"))).toBe("13 h 30 min of 14 h");
    vi.advanceTimersByTime(31 * 60_000);
    await settle(card);
    expect(text($(card, ".fasting"))).toContain("goal reached");
  });

  it("shows a meal in progress, never 0 h of fasting", async () => {
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        fasting: {
          fasting: false,
          since: new Date(NOW - 5000).toISOString(),
          hours: 0,
          goal_h: 14,
        },
      }),
    );
    expect(text($(card, ".fasting-hours"))).toBe("Meal in progress");
    expect(text($(card, ".fasting"))).not.toContain("0 h");
  });
});

describe("Swedish", () => {
  it("shows the card's texts in Swedish with Swedish numbers", async () => {
    hass = fakeHass("sv");
    withScale("150");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ ...SETTLED, meals_at_target: 2, language: "sv" }),
    );
    expect(hass.subscriptions[0].message.language).toBe("sv");
    expect(text($(card, ".meals-at-target"))).toContain("Måltider som når målet 2 av 3");
    expect(text($(card, "[data-settled]"))).toBe("Stilla · 150 g");
    expect(text($(card, ".chip-predicted .sub"))).toBe("1,9 g leucin");
    expect(($(card, ".search") as HTMLInputElement).placeholder).toBe("Sök mat, t.ex. keso");
  });

  it("subscribes again when the user's language changes", async () => {
    card = await mount(hass);
    card.hass = { ...hass, language: "sv", locale: { ...hass.locale, language: "sv" } };
    await settle(card);
    expect(hass.subscriptions.map((s) => [s.message.language, s.active])).toEqual([
      ["en", false],
      ["sv", true],
    ]);
  });
});

describe("household", () => {
  it("switches between people", async () => {
    hass.handlers["mtor_balance/people"] = () => ({
      people: [
        { entry_id: "entry_anna", name: "Anna" },
        { entry_id: "entry_erik", name: "Erik" },
      ],
    });
    card = await mount(hass, {}, null);
    await settle(card);
    expect(hass.subscriptions.map((s) => s.message.entry_id)).toEqual(["entry_anna"]);
    hass.push(view({ entry_id: "entry_anna", name: "Anna" }));
    await settle(card);
    const buttons = $$(card, ".person");
    expect(buttons.map((button) => [text(button), button.getAttribute("aria-pressed")])).toEqual([
      ["Anna", "true"],
      ["Erik", "false"],
    ]);
    buttons[1].click();
    await settle(card);
    expect(hass.subscriptions.map((s) => [s.message.entry_id, s.active])).toEqual([
      ["entry_anna", false],
      ["entry_erik", true],
    ]);
    expect(window.localStorage.getItem("mtor-balance-card.person")).toBe("entry_erik");
  });

  it("names the only person, without a switcher", async () => {
    card = await mount(hass, {}, null);
    await settle(card);
    hass.push(view());
    await settle(card);
    expect(text($(card, "h2"))).toBe("Erik");
    expect($$(card, ".person")).toHaveLength(0);
  });

  it("says so when nobody is set up", async () => {
    hass.handlers["mtor_balance/people"] = () => ({ people: [] });
    card = await mount(hass, {}, null);
    await settle(card);
    expect(text($(card, "p"))).toContain("No person is set up");
  });
});

describe("lifecycle", () => {
  it("unsubscribes when removed", async () => {
    card = await mount(hass);
    card.remove();
    await settle();
    expect(hass.subscriptions[0].active).toBe(false);
    card = undefined;
  });

  it("is in the card picker, with an editor and a stub", async () => {
    const registered = window.customCards?.find((entry) => entry.type === "mtor-balance-card");
    expect(registered?.description).toBeTruthy();
    const cardClass = customElements.get("mtor-balance-card") as unknown as {
      getConfigElement(): HTMLElement;
      getStubConfig(): object;
    };
    expect(cardClass.getConfigElement().tagName.toLowerCase()).toBe("mtor-balance-card-editor");
    expect(cardClass.getStubConfig()).toEqual({});
    await settle();
  });
});

describe("one language", () => {
  const NO_ENGLISH = /Logged|Removed|Deleted|Undo|Cottage|Chicken|cheese|breast|put back/;

  it("names foods in Swedish in every notice: log, undo, delete, restore", async () => {
    hass = fakeHass("sv");
    withScale("150");
    card = await mount(hass, { entry_id: "entry_erik" }, view({ ...SETTLED, language: "sv" }));
    $(card, ".chip-predicted")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Loggade 150 g Keso. Ångra");
    $(card, ".undo-notice")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Tog bort Keso. Ångra");
    $(card, ".undo-last")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Tog bort Kycklingbröst. Ångra");
    $(card, '[data-entry="e1"] .delete')?.click();
    await settle(card);
    $(card, ".confirm-delete")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Raderade Keso. Ångra");
    $(card, ".restore-notice")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Lade tillbaka Keso.");
    expect(text(card.shadowRoot?.querySelector(".notice"))).not.toMatch(NO_ENGLISH);
  });

  it("takes the name from the day's list when an answer has only the stored name", async () => {
    hass = fakeHass("sv");
    hass.handlers["mtor_balance/undo"] = () => ({
      entry: { entry_id: "e2", time: "2026-11-02T06:35:00+00:00", name: "Chicken breast" },
    });
    const swedish = view({ language: "sv" });
    swedish.entries = swedish.entries!.map((entry) =>
      entry.entry_id === "e2" ? { ...entry, name: "Kycklingbröst" } : entry,
    );
    card = await mount(hass, { entry_id: "entry_erik" }, swedish);
    $(card, ".undo-last")?.click();
    await settle(card);
    expect(text($(card, ".notice"))).toBe("Tog bort Kycklingbröst. Ångra");
  });

  it("says what the week counts: the 7 days before today", async () => {
    hass = fakeHass("sv");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({
        language: "sv",
        week: {
          first_day: "2026-10-26",
          last_day: "2026-11-01",
          days: 7,
          logged_days: 0,
          protein_g_per_day: 0,
          leucine_g_per_day: 0,
          meals_at_target: 0,
          fasts: 0,
        },
      }),
    );
    expect(text($(card, ".week h3"))).toBe("De 7 dagarna före i dag");
  });
});

describe("the scale's hint follows the state", () => {
  it("asks for the next portion once the chosen food was logged and taken off", async () => {
    hass = fakeHass("sv");
    const chosen = view({ language: "sv", selected_food: { ...KESO, name: "Keso" } });
    card = await mount(hass, { entry_id: "entry_erik" }, chosen);
    // Chosen, not logged yet (the latest entry is another food).
    expect(text($(card, ".scale-hint"))).toBe(
      "Lägg den på vågen; väljer du en mat igen ersätter den.",
    );
    const logged = view({ ...chosen });
    logged.entries = [
      ...(logged.entries ?? []),
      {
        entry_id: "e3",
        time: new Date(NOW).toISOString(),
        name: "Keso",
        food: "01012",
        grams: 150,
        protein_g: 18.6,
        leucine_g: 1.91,
        source: "scale",
      },
    ];
    hass.push(logged);
    await settle(card);
    expect(text($(card, ".scale-hint"))).toBe(
      "Nästa portion: lägg den på vågen; Keso är fortfarande vald, tryck på en annan mat för att byta.",
    );
    // Something on the scale, not settled yet: the badge speaks, no hint.
    withScale("60");
    await settle(card);
    expect($(card, ".scale-hint")).toBeNull();
  });
});

describe("the next meal and per-100 g values", () => {
  it("never shows a time already past as upcoming", async () => {
    hass = fakeHass("sv");
    const next = view().next_meal!;
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ language: "sv", next_meal: { ...next, time: "2026-11-02T10:30:00+00:00" } }),
    );
    expect(text($(card, ".next-meal-time"))).toBe("Nu");
    hass.push(view({ language: "sv", next_meal: { ...next, time: "2026-11-02T11:30:00+00:00" } }));
    await settle(card);
    expect(text($(card, ".next-meal-time"))).toBe("runt 12:30");
    // The clock passes it: now it is due.
    vi.advanceTimersByTime(31 * 60_000);
    await settle(card);
    expect(text($(card, ".next-meal-time"))).toBe("Nu");
  });

  it("never sets a per-100 g value against the per-meal target", async () => {
    hass = fakeHass("sv");
    card = await mount(
      hass,
      { entry_id: "entry_erik" },
      view({ language: "sv", selected_food: { ...KESO, name: "Keso" } }),
    );
    expect(text($(card, ".portion-leucine"))).toBe("1,27 g per 100 g");
    expect($(card, ".meal-target")).toBeNull();
    expect(text($(card, ".food .nutrients"))).not.toContain("per måltid");
  });
});

describe("a refused action", () => {
  it("shows the backend's error in Swedish and drops the notice it came from", async () => {
    hass = fakeHass("sv");
    hass.loadBackendTranslation = vi.fn(() =>
      Promise.resolve((key: string, values?: Record<string, unknown>) =>
        key === "component.mtor_balance.exceptions.entry_not_found.message"
          ? `Det finns ingen post med ID ${String(values?.entry_id)}.`
          : "",
      ),
    );
    hass.handlers["mtor_balance/delete_entry"] = (message) => {
      throw {
        code: "service_validation_error",
        message: "There is no entry with ID x",
        translation_domain: "mtor_balance",
        translation_key: "entry_not_found",
        translation_placeholders: { entry_id: message.log_entry_id },
      };
    };
    withScale("150");
    card = await mount(hass, { entry_id: "entry_erik" }, view({ ...SETTLED, language: "sv" }));
    $(card, ".chip-predicted")?.click();
    await settle(card);
    $(card, ".undo-notice")?.click();
    await settle(card);
    await settle(card);
    expect(text($(card, ".error span"))).toBe("Det finns ingen post med ID new.");
    expect($(card, ".notice")).toBeNull();
  });
});
