import {
  addMonths,
  assertIsoDate,
  compareDates,
  daysBetween,
  daysInMonth,
  firstOfMonth,
  firstOfMonthOnOrAfter,
  firstOfNextMonth,
  lastOfMonth,
  maxDate,
  parseIsoDate,
  type IsoDate,
} from "./dates";
import { formatMoney, parseMoney, roundToCent, sumMoney, type Money } from "./money";

/**
 * The monthly fee on the first invoice, prorated by the start date (T 4.2).
 *
 * Interpretation (RULES.md §4): monthly fee × (days from the start date to the month's
 * end, inclusive) / (days in that month), rounded half-up to the cent. A start on the 1st
 * charges the full month.
 */
export function proratedMonthlyFee(startDate: IsoDate, monthlyFee: Money): Money {
  const { year, month } = parseIsoDate(startDate, "startDate");
  const daysCharged = daysBetween(startDate, lastOfMonth(startDate)) + 1;
  const prorated = parseMoney(monthlyFee, "monthlyFee").times(daysCharged).dividedBy(daysInMonth(year, month));
  return formatMoney(roundToCent(prorated));
}

export interface FirstInvoiceInput {
  startDate: IsoDate;
  monthlyFee: Money;
  /** One-off setup fee, if any. */
  setupFee?: Money;
  /** All service fees (T definitions), if any. */
  serviceFees?: readonly Money[];
}

export interface FirstInvoice {
  /** Issued on the product start date. */
  date: IsoDate;
  setupFee: Money;
  /** Sum of all service fees. */
  serviceFees: Money;
  proratedMonthlyFee: Money;
  /** Days charged: start date through the month's end, inclusive. */
  daysCharged: number;
  daysInMonth: number;
  total: Money;
}

/**
 * The first invoice (T 4.2): issued on the product start date, with the setup fee, all
 * service fees and the prorated monthly fee (see `proratedMonthlyFee`).
 */
export function firstInvoice(input: FirstInvoiceInput): FirstInvoice {
  const { year, month } = parseIsoDate(input.startDate, "startDate");
  const setupFee = sumMoney([input.setupFee ?? "0"]);
  const serviceFees = sumMoney(input.serviceFees ?? []);
  const monthly = proratedMonthlyFee(input.startDate, input.monthlyFee);
  return {
    date: input.startDate,
    setupFee,
    serviceFees,
    proratedMonthlyFee: monthly,
    daysCharged: daysBetween(input.startDate, lastOfMonth(input.startDate)) + 1,
    daysInMonth: daysInMonth(year, month),
    total: sumMoney([setupFee, serviceFees, monthly]),
  };
}

/**
 * Every invoice date from `from` to `to`, both inclusive (T 4.2): the first invoice on the
 * start date, then one on the 1st of every month after it. Empty if `to` is before `from`.
 * The caller bounds `to` by the termination date.
 */
export function invoiceDates(startDate: IsoDate, from: IsoDate, to: IsoDate): IsoDate[] {
  assertIsoDate(startDate, "startDate");
  assertIsoDate(from, "from");
  assertIsoDate(to, "to");
  const dates: IsoDate[] = [];
  const within = (d: IsoDate) => compareDates(d, from) >= 0 && compareDates(d, to) <= 0;
  if (within(startDate)) dates.push(startDate);
  const firstMonthly = maxDate(firstOfNextMonth(startDate), firstOfMonthOnOrAfter(from));
  for (let i = 0; ; i += 1) {
    const date = addMonths(firstMonthly, i);
    if (compareDates(date, to) > 0) break;
    dates.push(date);
  }
  return dates;
}

/**
 * The last invoice date for a subscription that ends on `terminationDate` (T 4.2, RULES.md
 * §5): the last 1st of a month on or before the termination date, but never before the
 * first invoice, which is issued on the start date.
 * @throws RangeError if the termination date is before the start date.
 */
export function lastInvoiceDate(startDate: IsoDate, terminationDate: IsoDate): IsoDate {
  assertIsoDate(startDate, "startDate");
  assertIsoDate(terminationDate, "terminationDate");
  if (compareDates(terminationDate, startDate) < 0) {
    throw new RangeError(`Termination date ${terminationDate} is before the start date ${startDate}`);
  }
  return maxDate(startDate, firstOfMonth(terminationDate));
}
