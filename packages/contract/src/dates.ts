/**
 * Calendar dates (RULES.md §3): `YYYY-MM-DD` strings, no time of day, no time zone.
 *
 * All arithmetic works on whole "epoch days" (days since 1970-01-01 in the proleptic
 * Gregorian calendar) using integer maths only. No `Date` object is involved, so the
 * machine's time zone can never move a date by a day. (date-fns reads the *local* fields
 * of a `Date`: on a UTC-midnight `Date` in a zone west of Greenwich it sees the previous
 * day. The property tests use date-fns as an independent oracle instead.)
 */

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

/** Whether `year` is a Gregorian leap year (2024 and 2028 are, 2025 and 2100 are not). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Invalid month ${month}: expected 1–12`);
  }
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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
    throw new RangeError(
      `Invalid ${label} "${value}": ${yearText}-${monthText} has ${monthLength} days`,
    );
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

/** Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`. */
export function toEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `epochDay` days after 1970-01-01. Howard Hinnant's `civil_from_days`. */
export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isSafeInteger(epochDay)) {
    throw new RangeError(`Invalid epoch day ${epochDay}: expected an integer`);
  }
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March … 11 = February
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return fromParts(year, month, day);
}

function fromParts(year: number, month: number, day: number): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date out of range: year ${year} is outside 0001–9999`);
  }
  return formatIsoDate({ year, month, day });
}

function assertWholeNumber(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`Invalid ${label} ${value}: expected a whole number`);
  }
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertWholeNumber(days, "number of days");
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * `date` plus `months` calendar months, the day clamped to the month's end
 * (RULES.md §3: 31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertWholeNumber(months, "number of months");
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < MIN_YEAR || targetYear > MAX_YEAR) {
    throw new RangeError(`Date out of range: ${date} + ${months} months`);
  }
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole calendar months from the month of `from` to the month of `to` (days ignored). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** Number of days from `from` to `to`: 0 for the same day, negative if `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const difference = toEpochDay(a) - toEpochDay(b);
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
  const { year, month } = parseIsoDate(date);
  return fromParts(year, month, 1);
}

/** The last day of the month that `date` is in. */
export function lastOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(date);
  return fromParts(year, month, daysInMonth(year, month));
}

/** The 1st of the month after the month of `date` (always strictly later than `date`). */
export function firstOfNextMonth(date: IsoDate): IsoDate {
  return addMonths(firstOfMonth(date), 1);
}

/** `date` itself if it is a 1st of the month, otherwise the 1st of the next month. */
export function firstOfMonthOnOrAfter(date: IsoDate): IsoDate {
  return parseIsoDate(date).day === 1 ? date : firstOfNextMonth(date);
}
