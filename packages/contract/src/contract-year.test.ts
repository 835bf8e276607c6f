import { describe, expect, it } from "vitest";
import { contractYearOf, contractYearStart } from "./contract-year";

describe("T 4.4: contract years are counted from the product start date", () => {
  it.each([
    ["2025-03-15", "2025-03-15", 1],
    ["2025-03-15", "2026-03-14", 1], // last day of year 1
    ["2025-03-15", "2026-03-15", 2], // first day of year 2
    ["2025-03-15", "2027-03-14", 2],
    ["2025-03-15", "2027-03-15", 3],
    ["2024-02-29", "2025-02-27", 1],
    ["2024-02-29", "2025-02-28", 2], // 29 Feb + 12 months = 28 Feb
    ["2024-02-29", "2028-02-28", 4],
    ["2024-02-29", "2028-02-29", 5], // back on 29 Feb in a leap year
    ["2025-01-31", "2026-01-30", 1],
    ["2025-01-31", "2026-01-31", 2],
  ])("start %s: %s is in contract year %i", (start, day, year) => {
    expect(contractYearOf(start, day)).toBe(year);
  });

  it.each([
    ["2024-02-29", 2, "2025-02-28"],
    ["2024-02-29", 3, "2026-02-28"],
    ["2024-02-29", 5, "2028-02-29"],
    ["2025-03-15", 1, "2025-03-15"],
  ])("start %s: contract year %i starts %s", (start, year, expected) => {
    expect(contractYearStart(start, year)).toBe(expected);
  });

  it("refuses a day before the start and year 0", () => {
    expect(() => contractYearOf("2025-03-15", "2025-03-14")).toThrow(RangeError);
    expect(() => contractYearStart("2025-03-15", 0)).toThrow(RangeError);
  });
});
