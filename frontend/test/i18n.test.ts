import { describe, expect, it } from "vitest";

import { TEXTS, cardLanguage, translator } from "../src/i18n";

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the card's texts", () => {
  it("has every English text in Swedish, with the same placeholders", () => {
    const english = Object.keys(TEXTS.en).sort();
    expect(Object.keys(TEXTS.sv).sort()).toEqual(english);
    for (const key of english) {
      const en = TEXTS.en[key as keyof typeof TEXTS.en];
      const sv = TEXTS.sv[key as keyof typeof TEXTS.sv];
      expect(sv.trim(), key).not.toBe("");
      expect(placeholders(sv), key).toEqual(placeholders(en));
    }
  });

  it("picks Swedish for sv and sv-SE, English otherwise", () => {
    expect(cardLanguage("sv")).toBe("sv");
    expect(cardLanguage("sv-SE")).toBe("sv");
    expect(cardLanguage("en-GB")).toBe("en");
    expect(cardLanguage("de")).toBe("en");
    expect(cardLanguage(undefined)).toBe("en");
  });

  it("fills in placeholders", () => {
    expect(translator("sv")("count_of_total", { count: 1, total: 3 })).toBe("1 av 3");
    expect(translator("en")("count_of_total", { count: 1, total: 3 })).toBe("1 of 3");
    expect(translator("en")("logged", { grams: "150 g" })).toBe("Logged 150 g {food}.");
  });
});
