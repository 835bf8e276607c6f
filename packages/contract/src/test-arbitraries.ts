// fast-check generators shared by the *.property.test.ts files (not exported from index.ts).
import fc from "fast-check";
import type { IsoDate } from "./dates";

/**
 * Calendar dates from `min` to `max`, generated through `Date#toISOString` (UTC), so they
 * come from an implementation independent of ./dates.
 */
export function isoDateArb(min: IsoDate = "1990-01-01", max: IsoDate = "2099-12-31") {
  return fc
    .date({
      min: new Date(`${min}T00:00:00Z`),
      max: new Date(`${max}T23:59:59Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

/** Order-form initial terms: 1 to 60 months. */
export const termMonthsArb = fc.integer({ min: 1, max: 60 });

/** Money amounts from 0.00 to 99,999.99 as two-decimal strings. */
export const moneyArb = fc.integer({ min: 0, max: 9_999_999 }).map((cents) => (cents / 100).toFixed(2));
