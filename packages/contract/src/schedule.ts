import { addDays, addMonths, assertIsoDate, compareDates, maxDate, monthsBetween, type IsoDate } from "./dates";

/** What the order form says about one product subscription (L definition 7). */
export interface SubscriptionTerms {
  /** The product start date (see `productStartDate`). */
  startDate: IsoDate;
  /** The initial term in months, from the order form. */
  initialTermMonths: number;
}

/**
 * The computed term structure of one subscription, after alignment.
 * Store this on the subscription; every other function here derives from it.
 */
export interface Schedule {
  /** First day of the subscription's initial term (its product start date). */
  startDate: IsoDate;
  /** Last day of the initial (minimum) period, after alignment with other subscriptions. */
  initialTermEndDate: IsoDate;
  /** Length of every renewal term in months (T 5.2: the longest initial term). */
  renewalTermMonths: number;
}

/** One term of a subscription: the initial term (`renewalNumber` 0) or renewal term n ≥ 1. */
export interface Term {
  kind: "initial" | "renewal";
  renewalNumber: number;
  /** First day of the term. */
  startDate: IsoDate;
  /** Last day of the term, inclusive. */
  endDate: IsoDate;
}

/** T 5.3: written notice must be given at least this many days before the period ends. */
export const ORDINARY_NOTICE_DAYS = 90;

function assertTermMonths(months: number, label: string): void {
  if (!Number.isSafeInteger(months) || months < 1) {
    throw new RangeError(`Invalid ${label} ${months}: expected a whole number of months ≥ 1`);
  }
}

function assertSchedule(schedule: Schedule): void {
  assertIsoDate(schedule.startDate, "startDate");
  assertIsoDate(schedule.initialTermEndDate, "initialTermEndDate");
  assertTermMonths(schedule.renewalTermMonths, "renewalTermMonths");
  if (compareDates(schedule.initialTermEndDate, schedule.startDate) < 0) {
    throw new RangeError(
      `Invalid schedule: initial term ends (${schedule.initialTermEndDate}) before it starts (${schedule.startDate})`,
    );
  }
}

/**
 * Last day of an initial term of `months` months starting on `startDate`
 * (L definition 7, T definitions): start + N months − 1 day, month ends clamped.
 */
export function initialTermEndDate(startDate: IsoDate, months: number): IsoDate {
  assertIsoDate(startDate, "startDate");
  assertTermMonths(months, "initialTermMonths");
  return addDays(addMonths(startDate, months), -1);
}

/** Schedule of a customer's only subscription: no alignment needed (L definition 7, T 5.2). */
export function productSchedule(subscription: SubscriptionTerms): Schedule {
  return alignSchedules([subscription])[0] as Schedule;
}

/**
 * Aligns several product subscriptions of one customer so they all renew on one date
 * (T 5.1), and sets the renewal term to the longest initial term (T 5.2).
 *
 * Interpretation (RULES.md §3): the initial minimum period ends on the latest of the
 * subscriptions' own initial-term end dates (normally that of the last to go live); a
 * term is only ever extended to align, never shortened (L definition 7).
 *
 * @returns one schedule per subscription, in the same order, each keeping its own start date.
 */
export function alignSchedules(subscriptions: readonly SubscriptionTerms[]): Schedule[] {
  const first = subscriptions[0];
  if (!first) throw new RangeError("alignSchedules needs at least one subscription");
  const ends = subscriptions.map((s) => initialTermEndDate(s.startDate, s.initialTermMonths));
  const alignedEnd = maxDate(ends[0] as IsoDate, ...ends.slice(1));
  const renewalTermMonths = Math.max(...subscriptions.map((s) => s.initialTermMonths));
  return subscriptions.map((s) => ({
    startDate: s.startDate,
    initialTermEndDate: alignedEnd,
    renewalTermMonths,
  }));
}

/** The renewal date: the day after the initial minimum period ends (T 5.1, T 5.2). */
export function renewalDate(schedule: Schedule): IsoDate {
  assertSchedule(schedule);
  return addDays(schedule.initialTermEndDate, 1);
}

/** The initial term (after alignment) as a `Term` (L definition 7, T 5.1). */
export function initialTerm(schedule: Schedule): Term {
  assertSchedule(schedule);
  return {
    kind: "initial",
    renewalNumber: 0,
    startDate: schedule.startDate,
    endDate: schedule.initialTermEndDate,
  };
}

/**
 * Renewal term number `n` (n ≥ 1), T 5.2: renewals repeat, each `renewalTermMonths` long.
 *
 * Every renewal is counted from the renewal date (renewal n starts on renewal date +
 * (n − 1) × R months), not from the previous renewal. Chaining would let month-end
 * clamping drift: a 29 Feb renewal date would renew on the 28th forever after.
 */
export function renewalTerm(schedule: Schedule, n: number): Term {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Invalid renewal number ${n}: expected a whole number ≥ 1`);
  }
  const anchor = renewalDate(schedule);
  const months = schedule.renewalTermMonths;
  return {
    kind: "renewal",
    renewalNumber: n,
    startDate: addMonths(anchor, (n - 1) * months),
    endDate: addDays(addMonths(anchor, n * months), -1),
  };
}

/**
 * The term in force on `day` (T 5.1, T 5.2): the initial term or renewal term n, with its
 * first and last day. `null` before the subscription starts.
 */
export function termInForce(schedule: Schedule, day: IsoDate): Term | null {
  assertIsoDate(day, "day");
  if (compareDates(day, schedule.startDate) < 0) return null;
  const initial = initialTerm(schedule);
  if (compareDates(day, initial.endDate) <= 0) return initial;
  // Estimate n from whole months, then step at most one term either way.
  const months = monthsBetween(renewalDate(schedule), day);
  let n = Math.max(1, Math.floor(months / schedule.renewalTermMonths) + 1);
  for (;;) {
    const term = renewalTerm(schedule, n);
    if (compareDates(day, term.startDate) < 0) n -= 1;
    else if (compareDates(day, term.endDate) > 0) n += 1;
    else return term;
  }
}

/** First day of the term after the one in force on `day` (T 5.2); the start date if not started yet. */
export function nextTermStart(schedule: Schedule, day: IsoDate): IsoDate {
  const term = termInForce(schedule, day);
  return term ? addDays(term.endDate, 1) : schedule.startDate;
}

/**
 * Last day to give ordinary notice for `term` (T 5.3), for products without a
 * dissolution option.
 *
 * Interpretation (RULES.md §3): "at least 90 days before that end" = the period's last day
 * minus 90 days.
 */
export function ordinaryNoticeDeadline(term: Term): IsoDate {
  return addDays(assertIsoDate(term.endDate, "endDate"), -ORDINARY_NOTICE_DAYS);
}
