// Independent date oracles for the *.property.test.ts files (not exported from index.ts).
// They use only the built-in `Date.UTC` and `Date#toISOString`, never date-fns (which ./dates
// uses), so a property test compares two implementations. Valid for years 0100–9999
// (`Date.UTC` reads years 0–99 as 1900–1999).
import type { IsoDate } from "./dates";

const MS_PER_DAY = 86_400_000;

function utcParts(date: IsoDate): [number, number, number] {
  return date.split("-").map(Number) as [number, number, number];
}

/** Days since 1970-01-01. */
export function oracleEpochDay(date: IsoDate): number {
  const [y, m, d] = utcParts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** `date` plus `days` days. */
export function oracleAddDays(date: IsoDate, days: number): IsoDate {
  const ms = (oracleEpochDay(date) + days) * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/** `date` plus `months` calendar months, the day clamped to the month's end (RULES §3). */
export function oracleAddMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = utcParts(date);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12; // 0–11
  const monthLength = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, monthLength);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}
