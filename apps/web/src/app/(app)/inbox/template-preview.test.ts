import { describe, expect, it } from "vitest";
import { templateParts } from "./template-preview";

/** The preview's text as the picker renders it: values, and empty slots as {{n}}. */
const fillTemplate = (body: string, values: string[]) =>
  templateParts(body, values)
    .map((p) => ("text" in p ? p.text : p.value || `{{${p.variable}}}`))
    .join("");

const body = "Hello {{1}}, your {{2}} is ready for collection. See you, {{1}}!";

describe("template preview", () => {
  it("fills each {{n}} with what was typed for it, live", () => {
    expect(fillTemplate(body, ["Anna", "Golf"])).toBe("Hello Anna, your Golf is ready for collection. See you, Anna!");
  });

  it("keeps empty slots visible as {{n}}", () => {
    expect(fillTemplate(body, ["Anna"])).toBe("Hello Anna, your {{2}} is ready for collection. See you, Anna!");
    expect(fillTemplate(body, ["  ", ""])).toBe(body);
  });

  it("splits into text and variable parts (rendered as text, so markup stays text)", () => {
    expect(templateParts("Hi {{1}}!", ["<b>x</b>"])).toEqual([
      { text: "Hi " },
      { variable: 1, value: "<b>x</b>" },
      { text: "!" },
    ]);
    expect(templateParts("No variables", [])).toEqual([{ text: "No variables" }]);
  });
});
