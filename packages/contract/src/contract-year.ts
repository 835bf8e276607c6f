import { addMonths, assertIsoDate, compareDates, monthsBetween, type IsoDate } from "./dates";

/**
 * First day of contract year `year` (1, 2, …) of a product that started on `startDate`
 * (T 4.4; RULES.md §4: "years counted from the product start date").
 *
 * Counted from the start date each time, not year to year, so a 29 Feb start gives
 * contract years starting 28 Feb in common years and 29 Feb again in leap years.
 */
export function contractYearStart(startDate: IsoDate, year: number): IsoDate {
  if (!Number.isSafeInteger(year) || year < 1) {
    throw new RangeError(`Invalid contract year ${year}: expected a whole number ≥ 1`);
  }
  return addMonths(assertIsoDate(startDate, "startDate"), (year - 1) * 12);
}

/**
 * The contract year (1-based) that `day` falls in, for a product that started on
 * `startDate` (T 4.4). Year 1 is the first 12 months.
 * @throws RangeError if `day` is before the start date.
 */
export function contractYearOf(startDate: IsoDate, day: IsoDate): number {
  assertIsoDate(day, "day");
  if (compareDates(day, startDate) < 0) {
    throw new RangeError(`${day} is before the product start date ${startDate}`);
  }
  let year = Math.floor(monthsBetween(startDate, day) / 12) + 1;
  // The month estimate can be one too high when the day-of-month is before the start's.
  while (year > 1 && compareDates(day, contractYearStart(startDate, year)) < 0) year -= 1;
  while (compareDates(day, contractYearStart(startDate, year + 1)) >= 0) year += 1;
  return year;
}
