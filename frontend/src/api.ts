// The integration's websocket commands (see src/types.ts) and its translated errors.

import type {
  BackendError,
  Entry,
  FoodView,
  HomeAssistant,
  LocalizeFunc,
  Person,
  TodayView,
} from "./types";

export const DOMAIN = "mtor_balance";
export const SEARCH_LIMIT = 12;

export async function fetchPeople(hass: HomeAssistant): Promise<Person[]> {
  const result = await hass.callWS<{ people?: Person[] }>({ type: `${DOMAIN}/people` });
  return Array.isArray(result?.people) ? result.people : [];
}

export function subscribeToday(
  hass: HomeAssistant,
  entryId: string,
  language: string,
  onView: (view: TodayView) => void,
): Promise<() => Promise<void> | void> {
  return hass.connection.subscribeMessage<TodayView>(onView, {
    type: `${DOMAIN}/subscribe_today`,
    entry_id: entryId,
    language,
  });
}

export async function searchFoods(
  hass: HomeAssistant,
  entryId: string,
  query: string,
  language: string,
): Promise<FoodView[]> {
  const result = await hass.callWS<{ foods?: FoodView[] }>({
    type: `${DOMAIN}/search_foods`,
    entry_id: entryId,
    query,
    language,
    limit: SEARCH_LIMIT,
  });
  return Array.isArray(result?.foods) ? result.foods : [];
}

export async function selectFood(
  hass: HomeAssistant,
  entryId: string,
  foodId: string,
): Promise<void> {
  await hass.callWS({ type: `${DOMAIN}/select_food`, entry_id: entryId, food_id: foodId });
}

async function entryCommand(
  hass: HomeAssistant,
  command: string,
  data: Record<string, unknown>,
): Promise<Entry | null> {
  const result = await hass.callWS<{ entry?: Entry } | null>({
    type: `${DOMAIN}/${command}`,
    ...data,
  });
  return result?.entry ?? null;
}

export async function claimScale(hass: HomeAssistant, entryId: string): Promise<void> {
  await hass.callWS({ type: `${DOMAIN}/claim_scale`, entry_id: entryId });
}

export function assignPortion(
  hass: HomeAssistant,
  entryId: string,
  portionId: string,
  foodId: string,
) {
  return entryCommand(hass, "assign_portion", {
    entry_id: entryId,
    portion_id: portionId,
    food_id: foodId,
  });
}

export async function dropPortion(
  hass: HomeAssistant,
  entryId: string,
  portionId: string,
): Promise<void> {
  await hass.callWS({ type: `${DOMAIN}/drop_portion`, entry_id: entryId, portion_id: portionId });
}

export function logSavedMeal(hass: HomeAssistant, entryId: string, mealId: string) {
  return entryCommand(hass, "log_saved_meal", { entry_id: entryId, meal_id: mealId });
}

export async function saveMeal(
  hass: HomeAssistant,
  entryId: string,
  name: string,
  logEntryIds: string[],
): Promise<void> {
  await hass.callWS({
    type: `${DOMAIN}/save_meal`,
    entry_id: entryId,
    name,
    log_entry_ids: logEntryIds,
  });
}

export function logPortion(hass: HomeAssistant, entryId: string, foodId: string) {
  return entryCommand(hass, "log_portion", { entry_id: entryId, food_id: foodId });
}

export function logFood(hass: HomeAssistant, entryId: string, foodId: string, grams: number) {
  return entryCommand(hass, "log_food", { entry_id: entryId, food_id: foodId, grams });
}

/** Log an amount of one of the food's household units (the backend resolves the grams). */
export function logAmount(
  hass: HomeAssistant,
  entryId: string,
  foodId: string,
  amount: number,
  unit: string,
  language: string,
) {
  return entryCommand(hass, "log_food", {
    entry_id: entryId,
    food_id: foodId,
    amount,
    unit,
    language,
  });
}

/** The deleted entries the viewer may restore, newest deletion first. */
export async function fetchTrash(
  hass: HomeAssistant,
  entryId: string,
  language: string,
): Promise<{ entries: Entry[]; keptDays: number }> {
  const result = await hass.callWS<{ entries?: Entry[]; kept_days?: number }>({
    type: `${DOMAIN}/trash`,
    entry_id: entryId,
    language,
  });
  return {
    entries: Array.isArray(result?.entries) ? result.entries : [],
    keptDays: typeof result?.kept_days === "number" ? result.kept_days : 30,
  };
}

export function deleteEntry(hass: HomeAssistant, entryId: string, logEntryId: string) {
  return entryCommand(hass, "delete_entry", { entry_id: entryId, log_entry_id: logEntryId });
}

export function restoreEntry(hass: HomeAssistant, entryId: string, logEntryId: string) {
  return entryCommand(hass, "restore_entry", { entry_id: entryId, log_entry_id: logEntryId });
}

export function undo(hass: HomeAssistant, entryId: string) {
  return entryCommand(hass, "undo", { entry_id: entryId });
}

// The integration's exception texts are loaded into hass.localize once per language.
const loaded = new Map<string, Promise<LocalizeFunc | undefined>>();

/** Load the integration's exception texts; return the localize function that has them. */
export function loadErrorTranslations(hass: HomeAssistant): Promise<LocalizeFunc | undefined> {
  if (!hass.loadBackendTranslation) {
    return Promise.resolve(hass.localize);
  }
  const language = hass.language ?? "";
  let loading = loaded.get(language);
  if (!loading) {
    loading = hass.loadBackendTranslation("exceptions", DOMAIN).catch(() => undefined);
    loaded.set(language, loading);
  }
  return loading;
}

/** Reset the loaded-translations memo (tests). */
export function resetErrorTranslations(): void {
  loaded.clear();
}

/** The text of a backend error in the viewer's language, else the error's own message. */
export function errorText(
  localize: LocalizeFunc | undefined,
  error: unknown,
  fallback: string,
): string {
  const err = (error ?? {}) as BackendError;
  if (err.translation_key && localize) {
    const domain = err.translation_domain || DOMAIN;
    const text = localize(
      `component.${domain}.exceptions.${err.translation_key}.message`,
      err.translation_placeholders ?? {},
    );
    if (text) {
      return text;
    }
  }
  if (typeof err.message === "string" && err.message) {
    return err.message;
  }
  if (error instanceof Error && error.message) {
    return error.message;
  }
  return fallback;
}
