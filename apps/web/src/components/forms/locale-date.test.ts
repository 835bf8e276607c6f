import { describe, expect, it } from "vitest";
import { datePattern, formatIsoDate, parseLocaleDate } from "./locale-date";

describe("dates typed in the user's locale", () => {
  it.each([
    ["nl", "31-12-2026"],
    ["de", "31.12.2026"],
    ["da", "31.12.2026"],
    ["en-GB", "31/12/2026"],
    ["en-US", "12/31/2026"],
  ])("writes 2026-12-31 as %s does: %s", (locale, text) => {
    expect(formatIsoDate("2026-12-31", locale)).toBe(text);
    expect(parseLocaleDate(text, locale)).toBe("2026-12-31");
  });

  it("reads the day before the month where the locale does, whatever the separator", () => {
    expect(parseLocaleDate("3/4/2027", "nl")).toBe("2027-04-03");
    expect(parseLocaleDate("3.4.2027", "en-US")).toBe("2027-03-04");
    expect(datePattern("de").order).toEqual(["day", "month", "year"]);
  });

  it("refuses what is not a date and keeps empty as empty", () => {
    expect(parseLocaleDate("31-02-2026", "nl")).toBeNull();
    expect(parseLocaleDate("13-13-2026", "nl")).toBeNull();
    expect(parseLocaleDate("31-12-26", "nl")).toBeNull();
    expect(parseLocaleDate("next week", "nl")).toBeNull();
    expect(parseLocaleDate("  ", "nl")).toBe("");
    expect(parseLocaleDate("2026-12-31", "de")).toBe("2026-12-31");
  });
});
