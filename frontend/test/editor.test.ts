import { afterEach, describe, expect, it } from "vitest";

import { EVERYONE, type MtorBalanceCardEditor } from "../src/editor";
import { fakeHass, settle } from "./fixtures";

interface Option {
  value: string;
  label: string;
}

let editor: MtorBalanceCardEditor | undefined;

afterEach(() => {
  editor?.remove();
  editor = undefined;
});

async function mountEditor(config: Record<string, unknown>, language = "en") {
  const hass = fakeHass(language);
  hass.handlers["mtor_balance/people"] = () => ({
    people: [
      { entry_id: "entry_anna", name: "Anna" },
      { entry_id: "entry_erik", name: "Erik" },
    ],
  });
  editor = document.createElement("mtor-balance-card-editor") as MtorBalanceCardEditor;
  editor.setConfig({ type: "custom:mtor-balance-card", ...config });
  editor.hass = hass;
  document.body.appendChild(editor);
  await settle();
  await editor.updateComplete;
  await settle();
  await editor.updateComplete;
  const form = editor.shadowRoot!.querySelector("ha-form") as HTMLElement & {
    schema: { name: string; selector: { select?: { options: Option[] } } }[];
    data: Record<string, string>;
    computeLabel: (item: { name: string }) => string;
  };
  return { hass, form };
}

function change(form: HTMLElement, value: Record<string, string>): Record<string, unknown> {
  let config: Record<string, unknown> = {};
  editor!.addEventListener(
    "config-changed",
    (event) => {
      config = (event as CustomEvent<{ config: Record<string, unknown> }>).detail.config;
    },
    { once: true },
  );
  form.dispatchEvent(new CustomEvent("value-changed", { detail: { value } }));
  return config;
}

describe("the card editor", () => {
  it("offers everyone in the household and each person", async () => {
    const { form } = await mountEditor({});
    expect(form.schema.map((item) => item.name)).toEqual(["person", "title"]);
    expect(form.schema[0].selector.select?.options).toEqual([
      { value: EVERYONE, label: "Everyone in the household" },
      { value: "entry_anna", label: "Anna" },
      { value: "entry_erik", label: "Erik" },
    ]);
    expect(form.data).toEqual({ person: EVERYONE, title: "" });
    expect(form.computeLabel({ name: "person" })).toBe("Person");
  });

  it("sets the person and the title, and clears them", async () => {
    const { form } = await mountEditor({ title: "Old" });
    expect(change(form, { person: "entry_erik", title: "Kitchen" })).toEqual({
      type: "custom:mtor-balance-card",
      entry_id: "entry_erik",
      title: "Kitchen",
    });
    expect(change(form, { person: EVERYONE, title: "  " })).toEqual({
      type: "custom:mtor-balance-card",
    });
  });

  it("speaks Swedish", async () => {
    const { form } = await mountEditor({ entry_id: "entry_anna" }, "sv");
    expect(form.data.person).toBe("entry_anna");
    expect(form.schema[0].selector.select?.options[0].label).toBe("Alla i hushållet");
    expect(form.computeLabel({ name: "title" })).toBe("Rubrik");
  });
});
