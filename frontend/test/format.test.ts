import { describe, expect, it } from "vitest";

import {
  formatGrams,
  formatNutrient,
  formatTime,
  hoursSince,
  leucineOf,
  readingGrams,
  splitHours,
} from "../src/format";
import { chipsOf, settledGrams, tapAction } from "../src/logic";
import { KESO, NOW, SCALE, fakeHass, scaleState, view } from "./fixtures";

describe("the live weight in grams", () => {
  it("converts kg, oz, lb and the other mass units like the integration", () => {
    expect(readingGrams(scaleState("152.3", "g"))).toBeCloseTo(152.3, 6);
    expect(readingGrams(scaleState("0.1523", "kg"))).toBeCloseTo(152.3, 6);
    expect(readingGrams(scaleState("1", "oz"))).toBeCloseTo(28.349523125, 6);
    expect(readingGrams(scaleState("1", "lb"))).toBeCloseTo(453.59237, 5);
    expect(readingGrams(scaleState("1", "st"))).toBeCloseTo(6350.29318, 3);
    expect(readingGrams(scaleState("1500", "mg"))).toBeCloseTo(1.5, 9);
    expect(readingGrams(scaleState("2000000", "μg"))).toBeCloseTo(2, 9);
  });

  it("takes a reading without a unit as grams, and refuses what is no reading", () => {
    expect(readingGrams({ entity_id: SCALE, state: "12", attributes: {} })).toBe(12);
    expect(readingGrams(scaleState("unavailable"))).toBeNull();
    expect(readingGrams(scaleState("unknown"))).toBeNull();
    expect(readingGrams(scaleState(""))).toBeNull();
    expect(readingGrams(scaleState("NaN"))).toBeNull();
    expect(readingGrams(scaleState("inf"))).toBeNull();
    expect(readingGrams(scaleState("5", "cups"))).toBeNull();
    expect(readingGrams(undefined)).toBeNull();
  });
});

describe("numbers", () => {
  it("computes leucine from the food's per-100 g value", () => {
    expect(leucineOf(KESO, 150)).toBeCloseTo(1.905, 9);
    expect(leucineOf(KESO, 0)).toBe(0);
  });

  it("formats in the user's language", () => {
    expect(formatGrams(152.4, "en")).toBe("152 g");
    expect(formatGrams(2.25, "sv")).toBe("2,3 g");
    expect(formatNutrient(1.905, "sv", 2)).toBe("1,91 g");
  });

  it("counts hours since a moment", () => {
    const now = Date.parse("2026-11-02T12:00:00Z");
    expect(hoursSince("2026-11-02T00:30:00Z", now)).toBeCloseTo(11.5, 9);
    expect(hoursSince(null, now)).toBeNull();
    expect(hoursSince("not a time", now)).toBeNull();
    expect(hoursSince("2026-11-02T13:00:00Z", now)).toBe(0);
    expect(splitHours(13.99)).toEqual({ h: 13, m: 59 });
  });
});

describe("what a tap does", () => {
  const settled = view({ portion: { grams: 150 } });
  it("logs a settled portion that is still on the scale", () => {
    expect(tapAction(settled, 150.4)).toBe("log_portion");
    expect(tapAction(settled, null)).toBe("log_portion"); // the scale's state is not known
    expect(settledGrams(settled, 151)).toBe(150);
  });

  it("logs a second food added to a bowl that stays on the scale", () => {
    // 150 g were logged from the bowl, 50 g added: the scale reads 200 g, the portion is 50 g.
    const added = view({ portion: { ...settled.portion!, grams: 50, scale_g: 200 } });
    expect(settledGrams(added, 200.5)).toBe(50);
    expect(tapAction(added, 199)).toBe("log_portion");
    expect(tapAction(added, 50)).toBe("select_food"); // the bowl was lifted
    expect(tapAction(added, 230)).toBe("select_food"); // more is being added
  });

  it("selects without a portion, or while the weight moves", () => {
    expect(tapAction(view(), 0)).toBe("select_food");
    expect(tapAction(settled, 200)).toBe("select_food");
    expect(tapAction(settled, 0)).toBe("select_food");
    expect(tapAction(undefined, null)).toBe("select_food");
  });

  it("offers predicted foods first, each food once", () => {
    expect(chipsOf(view()).map((chip) => [chip.food.id, chip.kind])).toEqual([
      ["01012", "predicted"],
      ["02100", "favorite"],
      ["03000", "recent"],
    ]);
    expect(chipsOf(view({ chips: undefined }))).toEqual([]);
  });
});

describe("times", () => {
  it("shows the weekday of a time on another day", () => {
    const hass = fakeHass("sv");
    expect(formatTime("2026-11-02T06:30:00Z", hass, NOW)).toBe("07:30");
    expect(formatTime("2026-11-03T12:21:00Z", hass, NOW)).toBe("tis 13:21");
    expect(formatTime("2026-11-03T12:21:00Z", fakeHass("en"), NOW)).toBe("Tue 13:21");
    expect(formatTime(null, hass)).toBe("");
    // The profile's time format, else the language's.
    const english = fakeHass("en");
    english.locale = { ...english.locale, time_format: "language" };
    expect(formatTime("2026-11-02T06:30:00Z", english, NOW)).toBe("7:30 AM");
    english.locale = { ...english.locale, time_format: "12" };
    expect(formatTime("2026-11-02T12:30:00Z", english, NOW)).toBe("1:30 PM");
    const swedish = fakeHass("sv");
    swedish.locale = { ...swedish.locale, time_format: "language" };
    expect(formatTime("2026-11-02T06:30:00Z", swedish, NOW)).toBe("07:30");
  });
});
