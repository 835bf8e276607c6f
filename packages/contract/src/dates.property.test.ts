import {
  addDays as dfAddDays,
  addMonths as dfAddMonths,
  differenceInCalendarDays,
} from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, fromEpochDay, parseIsoDate, toEpochDay } from "./dates";
import { isoDateArb } from "./test-arbitraries";

// date-fns works on local-time fields, so feed it local-midnight Dates built from the parts.
function toLocalDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}
function fromLocalDate(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe("dates agree with independent implementations", () => {
  it("epoch days match Date.UTC and round-trip", () => {
    fc.assert(
      fc.property(isoDateArb("1900-01-01", "2199-12-31"), (date) => {
        const { year, month, day } = parseIsoDate(date);
        expect(toEpochDay(date)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });

  it("addMonths matches date-fns addMonths (RULES §3 month-end clamping)", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -240, max: 240 }), (date, months) => {
        expect(addMonths(date, months)).toBe(fromLocalDate(dfAddMonths(toLocalDate(date), months)));
      }),
    );
  });

  it("addDays and daysBetween match date-fns", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        const later = addDays(date, days);
        expect(later).toBe(fromLocalDate(dfAddDays(toLocalDate(date), days)));
        expect(daysBetween(date, later)).toBe(days);
        expect(differenceInCalendarDays(toLocalDate(later), toLocalDate(date))).toBe(days);
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
