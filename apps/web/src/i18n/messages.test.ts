import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import nl from "../../messages/nl.json";
import da from "../../messages/da.json";
import de from "../../messages/de.json";
import { LOCALES, localeFromAcceptLanguage } from "./locales";

const MESSAGES: Record<(typeof LOCALES)[number], unknown> = { en, nl, da, de };

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("translations", () => {
  it.each(LOCALES.filter((locale) => locale !== "en"))(
    "has every English message in %s and no extra ones",
    (locale) => {
      expect(keys(MESSAGES[locale]).sort()).toEqual(keys(en).sort());
    },
  );

  it("has no empty message", () => {
    for (const messages of Object.values(MESSAGES)) {
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it("picks the first supported browser language", () => {
    expect(localeFromAcceptLanguage("fr-FR,nl;q=0.8,en;q=0.5")).toBe("nl");
    expect(localeFromAcceptLanguage("de-DE,nl;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("da")).toBe("da");
    expect(localeFromAcceptLanguage("fr-FR")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});
