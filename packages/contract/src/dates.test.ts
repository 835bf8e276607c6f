import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  firstOfMonth,
  firstOfMonthOnOrAfter,
  firstOfNextMonth,
  fromEpochDay,
  isIsoDate,
  isLeapYear,
  lastOfMonth,
  maxDate,
  minDate,
  monthsBetween,
  parseIsoDate,
  toEpochDay,
} from "./dates";

describe("RULES §3 calendar dates are YYYY-MM-DD", () => {
  it.each([
    "2025-02-29", // 2025 is not a leap year
    "2026-02-29",
    "2100-02-29", // divisible by 100, not by 400
    "2025-02-30",
    "2024-02-30",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-01-32",
    "2025-1-01",
    "25-01-01",
    "2025-01-01T00:00:00Z",
    " 2025-01-01",
    "",
    "0000-01-01",
  ])("refuses %j with a RangeError", (value) => {
    expect(() => parseIsoDate(value)).toThrow(RangeError);
    expect(isIsoDate(value)).toBe(false);
  });

  it.each(["2024-02-29", "2028-02-29", "2000-02-29", "2025-12-31", "2025-01-01", "0001-01-01", "9999-12-31"])(
    "accepts %j",
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it("names the problem in the error message", () => {
    expect(() => parseIsoDate("2025-02-30", "startDate")).toThrow(
      'Invalid startDate "2025-02-30": 2025-02 has 28 days',
    );
  });
});

describe("leap years and month lengths", () => {
  it.each([
    [2024, true],
    [2028, true],
    [2000, true],
    [2025, false],
    [2026, false],
    [2100, false],
  ])("isLeapYear(%i) = %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 2, 29],
    [2028, 2, 29],
    [2025, 2, 28],
    [2026, 2, 28],
    [2100, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])("daysInMonth(%i, %i) = %i", (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it("refuses months that do not exist and fractional years", () => {
    expect(() => daysInMonth(2025, 0)).toThrow(RangeError);
    expect(() => daysInMonth(2025, 13)).toThrow(RangeError);
    expect(() => daysInMonth(2024.5, 2)).toThrow(RangeError);
    expect(isLeapYear(2024.5)).toBe(false);
  });
});

describe("RULES §3 'N months after D' clamps the day to the month's end", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2026-01-31", 1, "2026-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2028-01-31", 1, "2028-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2025-05-31", 1, "2025-06-30"],
    ["2025-08-31", 6, "2026-02-28"],
    ["2025-12-15", 1, "2026-01-15"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2025-07-04", 0, "2025-07-04"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("refuses fractional months and results beyond 0001–9999", () => {
    expect(() => addMonths("2025-01-01", 1.5)).toThrow(RangeError);
    expect(() => addMonths("9999-12-31", 1)).toThrow(RangeError);
    expect(() => addMonths("0001-01-31", -1)).toThrow(RangeError);
    expect(() => addMonths("2025-01-01", Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  it.each([
    ["2025-01-31", "2025-02-01", 1],
    ["2025-01-01", "2025-01-31", 0],
    ["2024-02-29", "2025-02-28", 12],
    ["2025-12-31", "2025-01-01", -11],
    ["2024-12-15", "2026-03-01", 15],
  ])("monthsBetween(%s, %s) = %i (days ignored)", (from, to, months) => {
    expect(monthsBetween(from, to)).toBe(months);
  });
});

describe("day arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2025-01-01", 89, "2025-03-31"],
    ["2024-01-01", 89, "2024-03-30"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2025-01-01", 365, "2026-01-01"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ["1970-01-01", 0],
    ["2000-03-01", 11017],
    ["2024-02-29", 19782],
    ["0001-01-01", -719162],
    ["9999-12-31", 2932896],
  ])("epoch day of %s is %i", (date, epochDay) => {
    expect(toEpochDay(date)).toBe(epochDay);
    expect(fromEpochDay(epochDay)).toBe(date);
  });

  it("refuses dates outside 0001-01-01 … 9999-12-31", () => {
    expect(() => addDays("9999-12-31", 1)).toThrow(RangeError);
    expect(() => addDays("0001-01-01", -1)).toThrow(RangeError);
    expect(() => addDays("2025-01-01", Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
    expect(() => fromEpochDay(2932897)).toThrow(RangeError);
    expect(() => fromEpochDay(0.5)).toThrow(RangeError);
  });

  // Date.UTC and `new UTCDate(y, m, d)` read years 0–99 as 1900–1999; these must not.
  it.each([
    ["0001-01-31", "addMonths", 1, "0001-02-28"],
    ["0004-01-31", "addMonths", 1, "0004-02-29"],
    ["0099-12-31", "addMonths", 2, "0100-02-28"],
    ["0099-12-31", "addDays", 1, "0100-01-01"],
    ["0050-03-01", "addDays", -1, "0050-02-28"],
  ] as const)("%s %s %i = %s in years 0001–0099", (date, fn, n, expected) => {
    expect(fn === "addDays" ? addDays(date, n) : addMonths(date, n)).toBe(expected);
  });
});

describe("comparisons and month boundaries", () => {
  it("compares dates", () => {
    expect(compareDates("2025-01-31", "2025-02-01")).toBe(-1);
    expect(compareDates("2025-02-01", "2025-02-01")).toBe(0);
    expect(compareDates("2026-01-01", "2025-12-31")).toBe(1);
    expect(maxDate("2025-03-01", "2026-01-01", "2025-12-31")).toBe("2026-01-01");
    expect(minDate("2025-03-01", "2026-01-01", "2025-02-28")).toBe("2025-02-28");
  });

  it.each([
    ["2025-12-15", "2026-01-01"],
    ["2025-01-01", "2025-02-01"],
    ["2024-02-29", "2024-03-01"],
  ])("firstOfNextMonth(%s) = %s", (date, expected) => {
    expect(firstOfNextMonth(date)).toBe(expected);
  });

  it.each([
    ["2025-03-01", "2025-03-01"],
    ["2025-03-02", "2025-04-01"],
    ["2025-12-31", "2026-01-01"],
  ])("firstOfMonthOnOrAfter(%s) = %s", (date, expected) => {
    expect(firstOfMonthOnOrAfter(date)).toBe(expected);
  });

  it.each([
    ["2025-03-31", "2025-03-01"],
    ["0001-01-01", "0001-01-01"],
    ["9999-12-31", "9999-12-01"],
  ])("firstOfMonth(%s) = %s", (date, expected) => {
    expect(firstOfMonth(date)).toBe(expected);
  });

  it.each([
    ["2024-02-10", "2024-02-29"],
    ["2025-02-10", "2025-02-28"],
    ["2025-04-01", "2025-04-30"],
    ["9999-12-01", "9999-12-31"],
  ])("lastOfMonth(%s) = %s", (date, expected) => {
    expect(lastOfMonth(date)).toBe(expected);
  });
});

// The test switches the process's time zone (TZ), which is not configuration.
/* eslint-disable no-restricted-properties, no-restricted-syntax */
describe("the machine's time zone never matters", () => {
  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Sao_Paulo", "Europe/Amsterdam"])(
    "gives the same dates in %s",
    (zone) => {
      const original = process.env.TZ;
      try {
        process.env.TZ = zone;
        expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
        expect(addDays("2025-03-30", 1)).toBe("2025-03-31");
        expect(addDays("2025-10-26", 1)).toBe("2025-10-27");
        expect(daysBetween("2025-03-01", "2025-11-01")).toBe(245);
        expect(monthsBetween("2025-03-31", "2025-11-01")).toBe(8);
        expect(lastOfMonth("2025-10-26")).toBe("2025-10-31");
        expect(toEpochDay("2025-10-26")).toBe(20387);
      } finally {
        if (original === undefined) delete process.env.TZ;
        else process.env.TZ = original;
      }
    },
  );
});
/* eslint-enable no-restricted-properties, no-restricted-syntax */
