/**
 * Calendar dates (RULES.md §3): `YYYY-MM-DD` strings, no time of day, no time zone.
 *
 * The month and day arithmetic is date-fns on `UTCDate` (@date-fns/utc). date-fns reads and
 * writes a `Date`'s *local* fields (`getDate`, `setMonth`, …), so on a plain `Date` the
 * machine's time zone and its daylight-saving changes could move a date by a day. A `UTCDate`
 * maps those fields to UTC: every date here is midnight UTC and the machine's zone never matters.
 */
import { UTCDate } from "@date-fns/utc";
import {
  addDays as dfAddDays,
  addMonths as dfAddMonths,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  getDaysInMonth,
  isLeapYear as dfIsLeapYear,
  lastDayOfMonth,
  startOfMonth,
} from "date-fns";

/** A calendar date as `YYYY-MM-DD`, e.g. `"2025-01-31"`. */
export type IsoDate = string;

/** A calendar date split into numbers; `month` is 1–12. */
export interface CalendarParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const UNIX_EPOCH = new UTCDate(0); // 1970-01-01

/** Midnight UTC on the given day (`month` is 1–12). */
function utcDate(year: number, month: number, day: number): UTCDate {
  // Not `new UTCDate(year, month - 1, day)`: like `Date.UTC` it reads years 0–99 as 1900–1999.
  const date = new UTCDate(0);
  date.setFullYear(year, month - 1, day); // UTCDate's setFullYear is setUTCFullYear
  return date;
}

function toUtcDate(date: IsoDate): UTCDate {
  const { year, month, day } = parseIsoDate(date);
  return utcDate(year, month, day);
}

/** @throws RangeError if the result of `calculation` lies outside 0001-01-01 … 9999-12-31. */
function fromUtcDate(date: UTCDate, calculation: string): IsoDate {
  const year = date.getFullYear(); // NaN for an invalid (overflowed) Date
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new RangeError(`Date out of range: ${calculation} is outside 0001-01-01 … 9999-12-31`);
  }
  return formatIsoDate({
    year,
    month: date.getMonth() + 1,
    day: date.getDate(),
  });
}

function assertWholeNumber(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Invalid ${label} ${value}: expected a whole number`);
  }
}

/** Whether `year` is a Gregorian leap year (2024 and 2028 are, 2025 and 2100 are not). */
export function isLeapYear(year: number): boolean {
  // The guard keeps 2024.5 from counting as 2024 (Date truncates fractional years).
  return Number.isInteger(year) && dfIsLeapYear(utcDate(year, 1, 1));
}

/** Number of days in `month` (1–12) of `year`: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid month ${month}: expected 1–12`);
  }
  assertWholeNumber(year, "year");
  return getDaysInMonth(utcDate(year, month, 1));
}

/**
 * Parses and validates a `YYYY-MM-DD` date (RULES.md §3).
 * @throws RangeError for anything that is not an existing calendar date, e.g. `2025-02-30`.
 */
export function parseIsoDate(value: string, label = "date"): CalendarParts {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) {
    throw new RangeError(`Invalid ${label} "${value}": expected YYYY-MM-DD`);
  }
  const [, yearText, monthText, dayText] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (year < MIN_YEAR) {
    throw new RangeError(`Invalid ${label} "${value}": year must be 0001–9999`);
  }
  if (month < 1 || month > 12) {
    throw new RangeError(`Invalid ${label} "${value}": month ${month} does not exist`);
  }
  const monthLength = daysInMonth(year, month);
  if (day < 1 || day > monthLength) {
    throw new RangeError(`Invalid ${label} "${value}": ${yearText}-${monthText} has ${monthLength} days`);
  }
  return { year, month, day };
}

/** Validates a `YYYY-MM-DD` date and returns it unchanged. @throws RangeError if invalid. */
export function assertIsoDate(value: string, label = "date"): IsoDate {
  parseIsoDate(value, label);
  return value;
}

/** Whether `value` is an existing calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Formats calendar parts as `YYYY-MM-DD`. @throws RangeError if the parts are no real date. */
export function formatIsoDate(parts: CalendarParts): IsoDate {
  const text = [
    String(parts.year).padStart(4, "0"),
    String(parts.month).padStart(2, "0"),
    String(parts.day).padStart(2, "0"),
  ].join("-");
  return assertIsoDate(text);
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: IsoDate): number {
  return differenceInCalendarDays(toUtcDate(date), UNIX_EPOCH);
}

/** The date `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) {
    throw new RangeError(`Invalid epoch day ${epochDay}: expected an integer`);
  }
  return fromUtcDate(dfAddDays(UNIX_EPOCH, epochDay), `epoch day ${epochDay}`);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertWholeNumber(days, "number of days");
  return fromUtcDate(dfAddDays(toUtcDate(date), days), `${date} + ${days} days`);
}

/**
 * `date` plus `months` calendar months, the day clamped to the month's end
 * (RULES.md §3: 31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertWholeNumber(months, "number of months");
  return fromUtcDate(dfAddMonths(toUtcDate(date), months), `${date} + ${months} months`);
}

/** Whole calendar months from the month of `from` to the month of `to` (days ignored). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarMonths(toUtcDate(to), toUtcDate(from));
}

/** Number of days from `from` to `to`: 0 for the same day, negative if `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toUtcDate(to), toUtcDate(from));
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The latest of the given dates. */
export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((latest, date) => (compareDates(date, latest) > 0 ? date : latest), first);
}

/** The earliest of the given dates. */
export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((earliest, date) => (compareDates(date, earliest) < 0 ? date : earliest), first);
}

/** The 1st of the month that `date` is in. */
export function firstOfMonth(date: IsoDate): IsoDate {
  return fromUtcDate(startOfMonth(toUtcDate(date)), `first of ${date}`);
}

/** The last day of the month that `date` is in. */
export function lastOfMonth(date: IsoDate): IsoDate {
  return fromUtcDate(lastDayOfMonth(toUtcDate(date)), `last of ${date}`);
}

/** The 1st of the month after the month of `date` (always strictly later than `date`). */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  return addMonths(firstOfMonth(date), 1);
}

/** `date` itself if it is a 1st of the month, otherwise the 1st of the next month. */
export function firstOfMonthOnOrAfter(date: IsoDate): IsoDate {
  return parseIsoDate(date).day === 1 ? date : firstOfNextMonth(date);
}
