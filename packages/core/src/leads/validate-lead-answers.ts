import { z } from "zod";
import { ZLeadVehicleAnswer, type TLeadData, type TLeadFormFields } from "@forecourt/protocol";
import type { TInputIssue } from "../errors";

const PHONE = /^\+?[0-9][0-9 ()\-./]{5,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;
const MAX_TEXTAREA = 2000;
const zEmail = z.email();

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks a visitor's answers against the form they were sent (the field list in the form
 * message, which is what they saw). Answers to keys the form does not have are ignored. Returns
 * the lead's data (only fields answered, in the form's order) or the issues per field
 * (`answers.<key>`, `answers.<key>.make` for a vehicle), worded for the visitor.
 */
export function validateLeadAnswers(
  formName: string,
  fields: TLeadFormFields,
  answers: Record<string, unknown>,
): { ok: true; data: TLeadData } | { ok: false; issues: TInputIssue[] } {
  const issues: TInputIssue[] = [];
  const out: TLeadData["answers"] = [];
  for (const field of fields) {
    const raw = answers[field.key];
    const path = `answers.${field.key}`;
    if (field.type === "vehicle") {
      const parsed = ZLeadVehicleAnswer.safeParse(raw ?? {});
      if (!parsed.success || typeof raw === "string") {
        issues.push({ path, message: "Enter the make and model." });
        continue;
      }
      const v = parsed.data;
      const empty = !v.make && !v.model && !v.plate && !v.year;
      if (field.required && !v.make) issues.push({ path: `${path}.make`, message: "Enter the make." });
      if (field.required && !v.model) issues.push({ path: `${path}.model`, message: "Enter the model." });
      if (v.year && !/^(19|20)\d{2}$/.test(v.year))
        issues.push({ path: `${path}.year`, message: "Enter a year like 2021." });
      if (!empty) out.push({ key: field.key, label: field.label, type: field.type, value: v });
      continue;
    }
    if (raw !== undefined && typeof raw !== "string") {
      issues.push({ path, message: "Enter text." });
      continue;
    }
    const value = (raw ?? "").trim();
    if (!value) {
      if (field.required) issues.push({ path, message: "This field is required." });
      continue;
    }
    const problem =
      field.type === "email"
        ? zEmail.safeParse(value).success && value.length <= 320
          ? null
          : "Enter an e-mail address, like name@example.com."
        : field.type === "phone"
          ? PHONE.test(value)
            ? null
            : "Enter a phone number, like +31 6 1234 5678."
          : field.type === "date"
            ? validDate(value)
              ? null
              : "Enter a date."
            : field.type === "select"
              ? field.options?.includes(value)
                ? null
                : "Choose one of the options."
              : value.length > (field.type === "textarea" ? MAX_TEXTAREA : MAX_TEXT)
                ? `At most ${field.type === "textarea" ? MAX_TEXTAREA : MAX_TEXT} characters.`
                : null;
    if (problem) issues.push({ path, message: problem });
    else out.push({ key: field.key, label: field.label, type: field.type, value });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, data: { formName, answers: out } };
}

/** The FORM message's plain-text body: the form's name and one "Label: value" line per answer. */
export function leadSummary(data: TLeadData): string {
  const lines = [data.formName];
  for (const a of data.answers) {
    const value =
      typeof a.value === "string"
        ? a.value
        : [a.value.make, a.value.model, a.value.year, a.value.plate].filter(Boolean).join(" ");
    lines.push(`${a.label}: ${value}`);
  }
  return lines.join("\n").slice(0, 4000);
}
