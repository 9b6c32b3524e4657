import { describe, expect, it, vi } from "vitest";

import "../src/mtor-balance-card";
import { PHOTO_TYPE, photoText } from "../src/photo";
import type { MtorBalancePhoto, PhotoAnswer } from "../src/photo";

const KESO: PhotoAnswer = {
  grams: 150,
  candidates: [
    {
      food_id: "01012",
      name: "Keso",
      grams: 150,
      estimated: false,
      leucine_g: 1.67,
      leucine_estimated: false,
    },
    {
      food_id: "01015",
      name: "Keso, 2 % fett",
      grams: 150,
      estimated: false,
      leucine_g: 1.5,
      leucine_estimated: false,
    },
  ],
  parts: [],
};

async function settle(element: MtorBalancePhoto): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function mount(enabled: boolean) {
  const sent: Record<string, unknown>[] = [];
  const uploads: string[] = [];
  const hass = {
    states: {},
    connection: {},
    callWS: vi.fn((message: Record<string, unknown>) => {
      sent.push(message);
      if (message.type === "mtor_balance/photo") return Promise.resolve({ enabled });
      if (message.type === "mtor_balance/identify_photo") return Promise.resolve(KESO);
      return Promise.resolve({ entries: [] });
    }),
    fetchWithAuth: vi.fn((path: string) => {
      uploads.push(path);
      return Promise.resolve({ ok: true, json: () => Promise.resolve({ id: "abc123" }) });
    }),
  };
  const element = document.createElement(PHOTO_TYPE) as MtorBalancePhoto;
  element.hass = hass as unknown as MtorBalancePhoto["hass"];
  element.entryId = "entry_erik";
  element.language = "sv";
  document.body.append(element);
  return { element, sent, uploads };
}

describe("a photo of the portion", () => {
  it("is hidden when the person chose no model", async () => {
    const { element } = mount(false);
    await settle(element);
    expect(element.shadowRoot?.querySelector("input")).toBeNull();
    element.remove();
  });

  it("uploads the phone's photo, offers Keso first and logs it with one tap", async () => {
    const { element, sent, uploads } = mount(true);
    await settle(element);
    const input = element.shadowRoot?.querySelector<HTMLInputElement>("input[type=file]");
    expect(input?.getAttribute("capture")).toBe("environment");
    expect(input?.getAttribute("accept")).toBe("image/*");
    URL.createObjectURL = vi.fn(() => "blob:photo");
    URL.revokeObjectURL = vi.fn();
    const file = new File(["jpeg"], "keso.jpg", { type: "image/jpeg" });
    Object.defineProperty(input, "files", { value: [file] });
    input?.dispatchEvent(new Event("change"));
    await settle(element);
    expect(uploads).toEqual(["/api/image/upload"]);
    expect(sent[sent.length - 1]).toEqual({
      type: "mtor_balance/identify_photo",
      entry_id: "entry_erik",
      media_content_id: "media-source://image_upload/abc123",
    });
    const buttons = [...(element.shadowRoot?.querySelectorAll("button.candidate") ?? [])];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual([
      "Keso · 1.7 g leucin",
      "Keso, 2 % fett · 1.5 g leucin",
    ]);
    expect(element.shadowRoot?.querySelector("img")?.getAttribute("src")).toBe("blob:photo");
    (buttons[0] as HTMLButtonElement).click();
    await settle(element);
    expect(sent[sent.length - 1]).toEqual({
      type: "mtor_balance/log_identified",
      entry_id: "entry_erik",
      food_id: "01012",
    });
    expect(element.shadowRoot?.textContent).toContain(photoText("sv", "logged"));
    element.remove();
  });
});
