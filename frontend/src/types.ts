// The websocket contract of custom_components/mtor_balance/person/websocket.py and
// today_view.py, and the part of Home Assistant's `hass` object the card uses.
//
// Fields may be added to the backend's answers at any time; the card reads only what it
// knows and treats every optional field as possibly missing.

export interface FoodView {
  id: string;
  name: string;
  name_en?: string;
  name_sv?: string;
  category?: string;
  protein_g: number;
  leucine_g: number;
  leucine_estimated?: boolean;
  own?: boolean;
  units?: Record<string, number>; // grams per household unit ("piece": 50), in table order
}

export interface Entry {
  entry_id: string;
  time: string;
  name: string;
  // The food's names (answers of the entry commands); `name` is as it was logged.
  name_en?: string;
  name_sv?: string;
  food?: string | null;
  grams?: number | null;
  protein_g: number;
  leucine_g: number;
  kcal?: number | null;
  leucine_estimated?: boolean;
  source?: string;
  deleted?: string; // in the trash: when it was deleted
}

export interface Portion {
  grams: number;
  food?: FoodView | null;
  protein_g?: number | null;
  leucine_g?: number | null;
  leucine_estimated?: boolean;
  unclaimed?: boolean; // on a shared scale: nobody's yet; the first to log it takes it
  // What the scale reads with the portion on (more than grams when a food was logged from
  // a bowl that stays on); the live reading is compared with it.
  scale_g?: number | null;
}

/** A shared scale: is the viewer's claim running, and who else is weighing. */
export interface ScaleShare {
  shared?: boolean;
  claimed?: boolean;
  in_use_by?: string | null;
}

/** The seven completed days before today (both denominators named). */
export interface Week {
  first_day: string;
  last_day: string;
  days: number;
  logged_days: number;
  protein_g_per_day: number;
  protein_g_per_logged_day?: number | null;
  leucine_g_per_day: number;
  leucine_g_per_logged_day?: number | null;
  leucine_estimated?: boolean;
  meals_at_target: number;
  protein_share_of_target?: number | null;
  fasts: number;
  longest_fast_h?: number | null;
  median_fast_h?: number | null;
}

export interface SavedMeal {
  id: string;
  name: string;
  items?: { name: string; grams: number }[];
}

/** A weighed portion nobody logged yet (it waits up to 12 hours). */
export interface PendingPortion {
  id: string;
  time: string;
  grams: number;
}

export interface PredictedChip {
  food: FoodView;
  grams?: number | null;
}

export interface Meal {
  start: string;
  end?: string | null;
  protein_g: number;
  leucine_g: number;
  leucine_estimated?: boolean;
  at_target?: boolean;
  entry_ids: string[];
}

export interface Fasting {
  fasting: boolean;
  since?: string | null;
  hours?: number | null;
  goal_h?: number | null;
  goal_end?: string | null;
  goal_reached?: boolean;
}

export interface NextMeal {
  time?: string | null;
  reason?: string;
  reason_text?: string;
  evidence?: string;
  evidence_text?: string;
  target_evidence?: string;
  target_evidence_text?: string;
  target_leucine_g?: number | null;
  target_protein_g?: number | null;
  add_protein_g?: number | null;
  day_protein_remaining_g?: number;
  meals_left?: number;
  behind?: boolean;
  window_closes?: string | null;
  leucine_estimated?: boolean;
}

export type LogMode = "on_removal" | "button" | "container";

export interface TodayView {
  entry_id: string;
  name: string;
  language?: string;
  scale_entity?: string | null;
  log_mode?: string; // a LogMode; other values may come from a newer backend
  portion?: Portion | null;
  scale?: ScaleShare;
  pending?: PendingPortion[];
  saved_meals?: SavedMeal[];
  selected_food?: FoodView | null;
  chips?: {
    predicted?: PredictedChip[];
    favorites?: FoodView[];
    recent?: FoodView[];
  };
  entries?: Entry[];
  meals?: Meal[];
  totals?: { protein_g: number; leucine_g: number; leucine_estimated?: boolean };
  targets?: {
    leucine_per_meal_g?: number;
    protein_per_day_g?: number;
    meals_per_day?: number;
  };
  meals_at_target?: number;
  week?: Week | null;
  day_type?: string;
  fasting?: Fasting;
  next_meal?: NextMeal;
}

export interface Person {
  entry_id: string;
  name: string;
  /** The person's entity ids by key (leucine_today, fasting_hours, ...). */
  entities?: Record<string, string>;
}

// Home Assistant's websocket error (home-assistant-js-websocket rejects with it).
export interface BackendError {
  code?: string;
  message?: string;
  translation_domain?: string;
  translation_key?: string;
  translation_placeholders?: Record<string, string>;
}

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
  last_changed?: string;
  last_updated?: string;
}

export interface MessageBase {
  type: string;
  [key: string]: unknown;
}

export interface Connection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    message: MessageBase,
    options?: { resubscribe?: boolean },
  ): Promise<() => Promise<void> | void>;
}

export type LocalizeFunc = (key: string, values?: Record<string, unknown>) => string;

export interface HomeAssistant {
  states: Record<string, HassEntity | undefined>;
  connection: Connection;
  callWS<T>(message: MessageBase): Promise<T>;
  language?: string;
  locale?: { language?: string; time_zone?: string; time_format?: string };
  config?: { time_zone?: string };
  localize?: LocalizeFunc;
  loadBackendTranslation?: (
    category: string,
    integration?: string | string[],
    configFlow?: boolean,
  ) => Promise<LocalizeFunc>;
  themes?: { darkMode?: boolean };
}

export interface CardConfig {
  type: string;
  entry_id?: string;
  title?: string;
}
