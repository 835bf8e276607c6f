import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, fromEpochDay, monthsBetween, parseIsoDate, toEpochDay } from "./dates";
import { isoDateArb } from "./test-arbitraries";
import { oracleAddDays, oracleAddMonths, oracleEpochDay } from "./test-oracles";

describe("dates agree with an independent Date.UTC implementation", () => {
  it("epoch days match Date.UTC and round-trip", () => {
    fc.assert(
      fc.property(isoDateArb("1900-01-01", "2199-12-31"), (date) => {
        expect(toEpochDay(date)).toBe(oracleEpochDay(date));
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });

  it("addMonths clamps to the month's end like the oracle (RULES §3)", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -240, max: 240 }), (date, months) => {
        expect(addMonths(date, months)).toBe(oracleAddMonths(date, months));
      }),
    );
  });

  it("addDays and daysBetween match the oracle", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const later = addDays(date, days);
        expect(later).toBe(oracleAddDays(date, days));
        expect(daysBetween(date, later)).toBe(days);
        expect(oracleEpochDay(later) - oracleEpochDay(date)).toBe(days);
      }),
    );
  });

  it("monthsBetween inverts addMonths", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -240, max: 240 }), (date, months) => {
        expect(monthsBetween(date, addMonths(date, months))).toBe(months);
      }),
    );
  });

  it("addMonths keeps the day of month unless the month is shorter", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -120, max: 120 }), (date, months) => {
        const before = parseIsoDate(date);
        const after = parseIsoDate(addMonths(date, months));
        if (after.day !== before.day) {
          expect(after.day).toBeLessThan(before.day);
          expect(addDays(addMonths(date, months), 1).endsWith("-01")).toBe(true);
        }
      }),
    );
  });
});
