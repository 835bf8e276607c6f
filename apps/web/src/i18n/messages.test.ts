import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nl from "../../messages/nl.json";
import { localeFromAcceptLanguage } from "./locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it("has every English message in Dutch and no extra ones", () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it("has no empty message", () => {
    for (const messages of [en, nl]) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it("picks the first supported browser language", () => {
    expect(localeFromAcceptLanguage("de-DE,nl;q=0.8,en;q=0.5")).toBe("nl");
    expect(localeFromAcceptLanguage("fr-FR")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});
