import { describe, expect, it } from "vitest";

import { MtorBalanceDashboardStrategy, personView } from "../src/strategy";
import { translator } from "../src/i18n";
import { fakeHass } from "./fixtures";

const ANNA = {
  entry_id: "entry_anna",
  name: "Anna Öberg",
  entities: {
    leucine_today: "sensor.anna_leucine_today",
    protein_today: "sensor.anna_protein_today",
    fasting_hours: "sensor.anna_fasting_hours",
    week_protein_per_day: "sensor.anna_protein_per_day_last_7_days",
    fasts_and_meals: "calendar.anna_fasts_and_meals",
  },
};

describe("the dashboard strategy", () => {
  it("builds one view per person around the kitchen card", async () => {
    const hass = fakeHass();
    hass.handlers["mtor_balance/people"] = () => ({
      people: [ANNA, { ...ANNA, entry_id: "entry_anna2", entities: {} }],
    });
    const config = (await MtorBalanceDashboardStrategy.generate({}, hass)) as {
      views: { path: string; title: string; sections: { cards: { type: string }[] }[] }[];
    };
    expect(config.views.map((view) => view.path)).toEqual(["anna-oberg", "anna-oberg-2"]);
    // Each tab is named after its person (an icon would show alone, without the name).
    expect(config.views.map((view) => view.title)).toEqual(["Anna Öberg", "Anna Öberg"]);
    expect(config.views.every((view) => !("icon" in view))).toBe(true);
    const [view] = config.views;
    expect(view.sections[0].cards[0]).toEqual({
      type: "custom:mtor-balance-card",
      entry_id: "entry_anna",
    });
    const types = view.sections.flatMap((section) => section.cards.map((card) => card.type));
    expect(types).toContain("history-graph");
    expect(types).toContain("calendar");
    const statistics = view.sections
      .flatMap((section) => section.cards)
      .find((card) => card.type === "statistics-graph") as unknown as { stat_types: string[] };
    expect(statistics.stat_types).toEqual(["change"]); // daily totals have a sum, not a max
    // A person without entities yet still gets the card, and nothing that would be empty.
    const bare = config.views[1].sections.flatMap((s) => s.cards.map((card) => card.type));
    expect(bare).not.toContain("calendar");
    expect(bare).not.toContain("statistics-graph");
  });

  it("says so when nobody is set up, in the user's language", async () => {
    const hass = fakeHass("sv");
    hass.handlers["mtor_balance/people"] = () => ({ people: [] });
    const config = (await MtorBalanceDashboardStrategy.generate({}, hass)) as {
      views: { cards: { content: string }[] }[];
    };
    expect(config.views[0].cards[0].content).toContain("Ingen person");
  });

  it("titles the sections in Swedish", () => {
    const view = personView(ANNA, translator("sv"), "anna") as {
      sections: { cards: { heading?: string; title?: string }[] }[];
    };
    expect(view.sections[1].cards[0].heading).toBe("I dag och veckan");
  });
});
