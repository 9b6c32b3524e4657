// A dashboard that builds itself: one view per person, around the kitchen card.
//
// Use it with a dashboard whose whole raw configuration is
//   strategy:
//     type: custom:mtor-balance
// (Settings -> Dashboards -> Add dashboard -> New dashboard from scratch -> Raw
// configuration editor). New people appear by themselves the next time it is opened.

import { fetchPeople } from "./api";
import { CARD_TYPE } from "./card";
import { translator, type Translate } from "./i18n";
import type { HomeAssistant, Person } from "./types";

export const STRATEGY_TYPE = "ll-strategy-dashboard-mtor-balance";

type Config = Record<string, unknown>;

function slug(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "person";
  let path = base;
  for (let n = 2; taken.has(path); n++) {
    path = `${base}-${n}`;
  }
  taken.add(path);
  return path;
}

function present(entities: Record<string, string>, keys: string[]): string[] {
  return keys.map((key) => entities[key]).filter((id): id is string => typeof id === "string");
}

/** The view of one person: the card, the last two days, the week, the calendar. */
export function personView(person: Person, t: Translate, path: string): Config {
  const entities = person.entities ?? {};
  const tiles = present(entities, [
    "week_protein_per_day",
    "effective_meals_today",
    "fasting_hours",
    "next_suggested_meal",
  ]).map((entity) => ({ type: "tile", entity }));
  const sections: Config[] = [
    {
      type: "grid",
      column_span: 2,
      cards: [{ type: `custom:${CARD_TYPE}`, entry_id: person.entry_id }],
    },
    {
      type: "grid",
      cards: [
        { type: "heading", heading: t("dashboard_today"), heading_style: "title" },
        ...tiles,
        {
          // State history shows from the first day; statistics need a day or two.
          type: "history-graph",
          title: t("dashboard_last_48h"),
          hours_to_show: 48,
          entities: present(entities, ["leucine_today", "protein_today", "fasting_hours"]),
        },
      ],
    },
  ];
  const calendar = present(entities, ["fasts_and_meals"]);
  if (calendar.length) {
    sections.push({
      type: "grid",
      cards: [{ type: "calendar", entities: calendar, initial_view: "listWeek" }],
    });
  }
  const daily = present(entities, ["leucine_today", "protein_today"]);
  if (daily.length) {
    sections.push({
      type: "grid",
      cards: [
        {
          type: "statistics-graph",
          title: t("dashboard_30_days"),
          entities: daily,
          days_to_show: 30,
          period: "day",
          // Daily totals (state class total): the day's intake is the change of the sum.
          stat_types: ["change"],
          chart_type: "bar",
        },
      ],
    });
  }
  // No icon: Home Assistant's tab bar (hui-root) shows a view with an icon as the icon alone,
  // so two people were two identical tabs; with a title alone each tab is the person's name.
  return { title: person.name, path, type: "sections", sections };
}

export class MtorBalanceDashboardStrategy extends HTMLElement {
  static async generate(_config: Config, hass: HomeAssistant): Promise<Config> {
    const t = translator(hass.locale?.language ?? hass.language);
    const people = await fetchPeople(hass);
    if (!people.length) {
      return {
        title: "mTOR Balance",
        views: [{ title: "mTOR Balance", cards: [{ type: "markdown", content: t("no_people") }] }],
      };
    }
    const taken = new Set<string>();
    return {
      title: "mTOR Balance",
      views: people.map((person) => personView(person, t, slug(person.name, taken))),
    };
  }
}
