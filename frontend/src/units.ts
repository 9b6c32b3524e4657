// A food's household units on the card: "1 stor (50 g)", "2 skivor Rågbröd".

import { formatGrams, formatNumber } from "./format";
import { UNIT_WORDS, cardLanguage } from "./i18n";
import type { FoodView } from "./types";

export const PIECE = "piece";
export const MAX_AMOUNT = 1000; // the backend's limit of an amount

/** The food's household units and their grams, in the food table's order. */
export function unitsOf(food: FoodView | null | undefined): [string, number][] {
  const units = food?.units;
  if (!units || typeof units !== "object") {
    return [];
  }
  return Object.entries(units).filter(
    (pair): pair is [string, number] => typeof pair[1] === "number" && pair[1] > 0,
  );
}

/** The unit's word for `amount` of it ("skiva", "skivor"). */
export function unitWord(unit: string, amount: number, language: string): string {
  const words = UNIT_WORDS[cardLanguage(language)][unit];
  return words ? words[amount === 1 ? 0 : 1] : unit;
}

/** A choice of unit: "1 stor (50 g)". */
export function unitLabel(unit: string, grams: number, language: string): string {
  return `1 ${unitWord(unit, 1, language)} (${formatGrams(grams, language)})`;
}

/** What was logged, as said: "2 Ägg, rått" (counted), "2 skivor Rågbröd". */
export function amountText(amount: number, unit: string, food: string, language: string): string {
  const number = formatNumber(amount, language, Number.isInteger(amount) ? 0 : 1);
  return unit === PIECE
    ? `${number} ${food}`
    : `${number} ${unitWord(unit, amount, language)} ${food}`;
}

/** The next amount of a stepper: whole steps, halves below 1 ("½ glas"). */
export function stepAmount(amount: number, up: boolean): number {
  const step = up ? (amount < 1 ? 0.5 : 1) : amount <= 1 ? 0.5 : 1;
  const next = up ? amount + step : amount - step;
  return Math.min(MAX_AMOUNT, Math.max(0.5, next));
}
