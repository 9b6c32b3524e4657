// What a tap does, and which foods are offered: the card's decisions, apart from rendering.

import type { FoodView, TodayView } from "./types";

/** Below this many grams the scale counts as empty. */
export const EMPTY_G = 2;

/** The live reading still shows the settled portion (the detector's 2 g, and 2 %). */
export function sameWeight(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(3, Math.abs(b) * 0.02);
}

/**
 * The settled portion that a tap logs now, or null.
 *
 * A portion counts while the live reading (when there is one) still shows what the scale
 * read when it settled (`scale_g`: more than its grams when a food was logged from a bowl
 * that stays on): a bowl being topped up is not logged at its old weight; the tap then
 * selects, and the new weight is logged when it settles and is taken off (or with Log).
 */
export function settledGrams(view: TodayView | undefined, live: number | null): number | null {
  const portion = view?.portion;
  if (!portion || !Number.isFinite(portion.grams) || portion.grams <= 0) {
    return null;
  }
  const reading =
    typeof portion.scale_g === "number" && Number.isFinite(portion.scale_g)
      ? portion.scale_g
      : portion.grams;
  if (live !== null && !sameWeight(live, reading)) {
    return null;
  }
  return portion.grams;
}

export type TapAction = "log_portion" | "select_food";

/** One tap on a food: log the settled portion as it, or choose it for the next portion. */
export function tapAction(view: TodayView | undefined, live: number | null): TapAction {
  // Eating from a container: what stands on the scale is its content, not a portion.
  if (view?.log_mode === "container") {
    return "select_food";
  }
  return settledGrams(view, live) === null ? "select_food" : "log_portion";
}

export type ChipKind = "predicted" | "favorite" | "recent";

export interface Chip {
  food: FoodView;
  kind: ChipKind;
  grams: number | null;
}

/** Predicted foods first, then favourites, then recent ones; each food once. */
export function chipsOf(view: TodayView | undefined, max = 10): Chip[] {
  const chips: Chip[] = [];
  const seen = new Set<string>();
  const add = (food: FoodView | undefined | null, kind: ChipKind, grams: number | null) => {
    if (!food || typeof food.id !== "string" || seen.has(food.id) || chips.length >= max) {
      return;
    }
    seen.add(food.id);
    chips.push({ food, kind, grams });
  };
  const sources = view?.chips ?? {};
  for (const predicted of sources.predicted ?? []) {
    add(
      predicted?.food,
      "predicted",
      typeof predicted?.grams === "number" ? predicted.grams : null,
    );
  }
  for (const food of sources.favorites ?? []) {
    add(food, "favorite", null);
  }
  for (const food of sources.recent ?? []) {
    add(food, "recent", null);
  }
  return chips;
}

/** The usual grams of a food (from the predictions), or null. */
export function usualGrams(view: TodayView | undefined, foodId: string): number | null {
  const found = (view?.chips?.predicted ?? []).find((chip) => chip?.food?.id === foodId);
  return typeof found?.grams === "number" ? found.grams : null;
}
