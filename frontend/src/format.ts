// Units, numbers, times and the card's small computations (all pure, all tested).

import type { FoodView, HassEntity, HomeAssistant } from "./types";

// Grams per unit: the units Home Assistant's MassConverter knows, as the integration's
// scale follower converts them (`reading_grams` in person/scale_follower.py).
const GRAMS_PER_UNIT: Record<string, number> = {
  g: 1,
  kg: 1000,
  mg: 0.001,
  µg: 0.000001,
  μg: 0.000001,
  oz: 1 / 0.035273961949580414,
  lb: 1 / 0.002204622621848776,
  st: 1 / 0.0001574730444177697,
};

/** A weight sensor's state in grams; null when it is no usable reading. */
export function readingGrams(state: HassEntity | undefined | null): number | null {
  if (!state || state.state === "unknown" || state.state === "unavailable") {
    return null;
  }
  if (state.state.trim() === "") {
    return null;
  }
  const value = Number(state.state);
  if (!Number.isFinite(value)) {
    return null;
  }
  const unit = state.attributes.unit_of_measurement;
  const factor = GRAMS_PER_UNIT[typeof unit === "string" ? unit : "g"];
  return factor === undefined ? null : value * factor;
}

/** Nutrient grams in `grams` of a food (its values are per 100 g). */
export function per(grams: number, per100g: number): number {
  return (grams / 100) * per100g;
}

export function leucineOf(food: FoodView, grams: number): number {
  return per(grams, food.leucine_g);
}

export function proteinOf(food: FoodView, grams: number): number {
  return per(grams, food.protein_g);
}

/** The language for numbers and times: Home Assistant's frontend language. */
export function uiLanguage(hass: HomeAssistant | undefined): string {
  return hass?.locale?.language || hass?.language || "en";
}

function numberFormat(language: string, digits: number): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(language, {
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    });
  } catch {
    return new Intl.NumberFormat("en", { maximumFractionDigits: digits });
  }
}

export function formatNumber(value: number, language: string, digits = 1): string {
  return numberFormat(language, digits).format(value);
}

/** Grams of a portion: whole grams from 10 g up, one decimal below. */
export function formatGrams(grams: number, language: string): string {
  return `${formatNumber(grams, language, Math.abs(grams) < 10 ? 1 : 0)} g`;
}

/** Nutrient grams (leucine, protein): one decimal. */
export function formatNutrient(grams: number, language: string, digits = 1): string {
  return `${formatNumber(grams, language, digits)} g`;
}

function timeZone(hass: HomeAssistant | undefined): string | undefined {
  return hass?.locale?.time_zone === "server" ? hass.config?.time_zone : undefined;
}

function formatParts(
  moment: Date,
  hass: HomeAssistant | undefined,
  options: Intl.DateTimeFormatOptions,
): string {
  const zone = timeZone(hass);
  try {
    return new Intl.DateTimeFormat(uiLanguage(hass), { ...options, timeZone: zone }).format(moment);
  } catch {
    return new Intl.DateTimeFormat("en", options).format(moment);
  }
}

/** 12-hour times: as the user's profile says, else as their language (or system) does. */
function usesAmPm(hass: HomeAssistant | undefined): boolean {
  const format = hass?.locale?.time_format;
  if (format === "12" || format === "24") {
    return format === "12";
  }
  try {
    const language = format === "system" ? undefined : uiLanguage(hass);
    const { hourCycle } = new Intl.DateTimeFormat(language, { hour: "numeric" }).resolvedOptions();
    return hourCycle === "h11" || hourCycle === "h12";
  } catch {
    return false;
  }
}

/**
 * A time of day in the user's language and time zone ("07:30"); with `now`, a time on
 * another day than `now` has its weekday ("tis 13:21").
 */
export function formatTime(
  iso: string | null | undefined,
  hass: HomeAssistant | undefined,
  now?: number,
): string {
  if (!iso) {
    return "";
  }
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) {
    return "";
  }
  const amPm = usesAmPm(hass);
  const options: Intl.DateTimeFormatOptions = {
    hour: amPm ? "numeric" : "2-digit",
    minute: "2-digit",
    hour12: amPm,
  };
  if (now !== undefined) {
    const day: Intl.DateTimeFormatOptions = { year: "numeric", month: "numeric", day: "numeric" };
    if (formatParts(moment, hass, day) !== formatParts(new Date(now), hass, day)) {
      options.weekday = "short";
    }
  }
  return formatParts(moment, hass, options);
}

/** Hours from `since` to `now` (never negative); null without a start. */
export function hoursSince(since: string | null | undefined, now: number): number | null {
  if (!since) {
    return null;
  }
  const start = Date.parse(since);
  if (Number.isNaN(start)) {
    return null;
  }
  return Math.max(0, (now - start) / 3_600_000);
}

/** Whole hours and minutes of a duration in hours. */
export function splitHours(hours: number): { h: number; m: number } {
  const minutes = Math.floor(hours * 60);
  return { h: Math.floor(minutes / 60), m: minutes % 60 };
}
