import { STANDARD_LEAD_FORMS, ZLeadFormFields } from "@forecourt/protocol";
import { describe, expect, it } from "vitest";
import { leadSummary, validateLeadAnswers } from "./validate-lead-answers";

const form = (kind: string) => STANDARD_LEAD_FORMS.find((f) => f.kind === kind)!;

describe("validateLeadAnswers", () => {
  it("the standard forms are valid form definitions", () => {
    for (const f of STANDARD_LEAD_FORMS) expect(ZLeadFormFields.safeParse(f.fields).success).toBe(true);
    expect(ZLeadFormFields.safeParse([{ key: "a", label: "A", type: "select", options: [] }]).success).toBe(false);
    expect(
      ZLeadFormFields.safeParse([
        { key: "a", label: "A", type: "text" },
        { key: "a", label: "B", type: "text" },
      ]).success,
    ).toBe(false);
  });

  it("accepts good answers in the form's order, trims, leaves out empty optional fields and unknown keys", () => {
    const { fields, name } = form("SERVICE");
    const result = validateLeadAnswers(name, fields, {
      preferredDate: "2026-12-21",
      name: "  Piet  ",
      phone: "+31 6 1234 5678",
      vehicle: { make: "Kia", model: "Niro", plate: "AB-12-CD" },
      service: "Tyres",
      email: "",
      extra: "ignored",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.answers.map((a) => a.key)).toEqual(["name", "phone", "vehicle", "service", "preferredDate"]);
    expect(result.data.answers[0]!.value).toBe("Piet");
    expect(leadSummary(result.data)).toBe(
      [
        "Service booking",
        "Name: Piet",
        "Phone: +31 6 1234 5678",
        "Vehicle: Kia Niro AB-12-CD",
        "Service: Tyres",
        "Preferred date: 2026-12-21",
      ].join("\n"),
    );
  });

  it("names every bad field", () => {
    const { fields, name } = form("TEST_DRIVE");
    const result = validateLeadAnswers(name, fields, {
      email: "nope",
      phone: "call me",
      vehicle: { make: "", model: "V60", year: "19" },
      preferredDate: "2026-02-30",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "answers.name",
      "answers.email",
      "answers.phone",
      "answers.vehicle.make",
      "answers.vehicle.year",
      "answers.preferredDate",
    ]);
  });
});
