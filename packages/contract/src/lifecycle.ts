import { addDays, assertIsoDate, compareDates, maxDate, type IsoDate } from "./dates";
import { dissolutionWindow, type DateWindow } from "./dissolution";
import { addGroupProduct } from "./group-product";
import { invoiceDates, lastInvoiceDate } from "./invoices";
import { providerCancellationWindow } from "./provider-cancellation";
import {
  alignSchedules,
  initialTerm,
  ordinaryNoticeDeadline,
  productSchedule,
  renewalTerm,
  termInForce,
  type Schedule,
  type Term,
} from "./schedule";
import { productStartDate } from "./start-date";
import { terminationTimeline, type TerminationTimeline } from "./termination";

/** Customer kinds that buy for the dealers in their group (T 5.6). */
export type ContractCustomerKind = "OEM" | "NSC" | "DEALER_GROUP" | "DEALER";

/**
 * Interpretation (RULES.md §3 names "dealer group / OEM"): the customer kinds for which adding
 * a product starts a new initial minimum period for all products (T 5.6). An NSC buys for
 * dealers too, but the terms do not name it, so it aligns like a single customer (T 5.1).
 */
export const GROUP_RESET_KINDS: ReadonlySet<ContractCustomerKind> = new Set(["OEM", "DEALER_GROUP"]);

/** One product subscription as stored: the order form plus an accepted notice, if any. */
export interface LifecycleSubscription {
  id: string;
  contractDate: IsoDate;
  firstTrainingDate?: IsoDate | null;
  initialTermMonths: number;
  /** Last day in force, set when a notice or termination was accepted; null otherwise. */
  terminationDate?: IsoDate | null;
}

/** Where one subscription stands on a day. */
export type SubscriptionStage = "pending" | "active" | "notice_given" | "terminated";

/**
 * Where a customer stands on a day:
 * - `none`: no subscriptions (nothing to do);
 * - `pending`: no subscription has started yet;
 * - `active`: at least one subscription is in force;
 * - `terminated`: every subscription has ended; owners and admins read and export (L 5.2);
 * - `locked`: the administrators' read-only period is over, deletion not yet due;
 * - `deletion_due`: the deletion date has come (the retention job deletes the data).
 */
export type CustomerStage = "none" | "pending" | "active" | "terminated" | "locked" | "deletion_due";

export interface SubscriptionState {
  id: string;
  startDate: IsoDate;
  schedule: Schedule;
  stage: SubscriptionStage;
  terminationDate: IsoDate | null;
  /** Date of the last invoice while in force; null when it ended before it started (no invoice). */
  lastInvoiceDate: IsoDate | null;
}

export interface CustomerLifecycle {
  day: IsoDate;
  stage: CustomerStage;
  subscriptions: SubscriptionState[];
  /** Set once every subscription has a termination date (the customer's last day in force is known). */
  timeline: TerminationTimeline | null;
}

function byStart(a: { startDate: IsoDate; id: string }, b: { startDate: IsoDate; id: string }): number {
  return compareDates(a.startDate, b.startDate) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The aligned schedules of a customer's subscriptions (T 5.1, T 5.2, T 5.6, L definition 6–7).
 *
 * A single customer's subscriptions are aligned (`alignSchedules`). For a dealer group or OEM
 * (`GROUP_RESET_KINDS`) the subscriptions are replayed in start order and each added product
 * starts a new initial minimum period for all (`addGroupProduct`), so the result is the same
 * whatever order the rows come in.
 *
 * @returns a map from subscription id to its schedule
 */
export function customerSchedules(
  kind: ContractCustomerKind,
  subscriptions: readonly LifecycleSubscription[],
): Map<string, Schedule> {
  const terms = subscriptions
    .map((s) => ({
      id: s.id,
      startDate: productStartDate({ contractDate: s.contractDate, firstTrainingDate: s.firstTrainingDate ?? null }),
      initialTermMonths: s.initialTermMonths,
    }))
    .sort(byStart);
  const result = new Map<string, Schedule>();
  if (terms.length === 0) return result;
  if (!GROUP_RESET_KINDS.has(kind)) {
    alignSchedules(terms).forEach((schedule, i) => result.set((terms[i] as { id: string }).id, schedule));
    return result;
  }
  let schedules: Schedule[] = [productSchedule(terms[0] as (typeof terms)[number])];
  for (const added of terms.slice(1)) schedules = addGroupProduct(schedules, added);
  schedules.forEach((schedule, i) => result.set((terms[i] as { id: string }).id, schedule));
  return result;
}

/** Where one subscription stands on `day`, given its schedule and accepted termination date. */
export function subscriptionStageOn(
  schedule: Schedule,
  terminationDate: IsoDate | null | undefined,
  day: IsoDate,
): SubscriptionStage {
  assertIsoDate(day, "day");
  if (terminationDate && compareDates(day, terminationDate) > 0) return "terminated";
  if (compareDates(day, schedule.startDate) < 0) return "pending";
  return terminationDate ? "notice_given" : "active";
}

/**
 * The lifecycle of a customer on `day` (T 5.1–5.9, L 5.1–5.2, RULES.md §3 and §5): each
 * subscription's schedule and stage, and, once every subscription has a termination date,
 * the termination timeline.
 *
 * The customer's termination date is the latest of its subscriptions' termination dates (its
 * access ends when the last product ends), and its last invoice date is the latest of their
 * last invoice dates. Interpretation (not in RULES.md): a subscription that ended before it
 * started had no invoice; if none had one, the termination date stands in for the last
 * invoice date (so deletion follows the administrators' 30 days).
 */
export function customerLifecycleOn(
  input: { kind: ContractCustomerKind; subscriptions: readonly LifecycleSubscription[] },
  day: IsoDate,
): CustomerLifecycle {
  assertIsoDate(day, "day");
  const schedules = customerSchedules(input.kind, input.subscriptions);
  const subscriptions: SubscriptionState[] = input.subscriptions.map((s) => {
    const schedule = schedules.get(s.id) as Schedule;
    const terminationDate = s.terminationDate ?? null;
    const invoiced = terminationDate !== null && compareDates(terminationDate, schedule.startDate) >= 0;
    return {
      id: s.id,
      startDate: schedule.startDate,
      schedule,
      stage: subscriptionStageOn(schedule, terminationDate, day),
      terminationDate,
      lastInvoiceDate: invoiced ? lastInvoiceDate(schedule.startDate, terminationDate) : null,
    };
  });
  if (subscriptions.length === 0) return { day, stage: "none", subscriptions, timeline: null };

  let timeline: TerminationTimeline | null = null;
  if (subscriptions.every((s) => s.terminationDate !== null)) {
    const ends = subscriptions.map((s) => s.terminationDate as IsoDate);
    const terminationDate = maxDate(ends[0] as IsoDate, ...ends.slice(1));
    const invoices = subscriptions.flatMap((s) => (s.lastInvoiceDate ? [s.lastInvoiceDate] : []));
    const last = invoices.length > 0 ? maxDate(invoices[0] as IsoDate, ...invoices.slice(1)) : terminationDate;
    timeline = terminationTimeline({ terminationDate, lastInvoiceDate: last });
  }

  let stage: CustomerStage;
  if (timeline && compareDates(day, timeline.terminationDate) > 0) {
    if (compareDates(day, timeline.deletionDate) >= 0) stage = "deletion_due";
    else if (compareDates(day, timeline.adminReadOnlyUntil) > 0) stage = "locked";
    else stage = "terminated";
  } else if (subscriptions.every((s) => s.stage === "pending")) {
    stage = "pending";
  } else {
    stage = "active";
  }
  return { day, stage, subscriptions, timeline };
}

/** T 5.3: what an ordinary notice given on `noticeDate` does. */
export interface OrdinaryNoticeEffect {
  /** The period the notice ends. */
  term: Term;
  /** The last day notice could be given for that period. */
  deadline: IsoDate;
  /** Last day in force: the end of that period. */
  terminationDate: IsoDate;
}

/**
 * Ordinary notice (T 5.3), for products without a dissolution option: the agreement ends at
 * the end of the initial minimum period or of a renewal period, with notice at least 90 days
 * before that end. A notice after this period's deadline ends the following period.
 */
export function ordinaryNoticeEffect(schedule: Schedule, noticeDate: IsoDate): OrdinaryNoticeEffect {
  assertIsoDate(noticeDate, "noticeDate");
  let term = termInForce(schedule, noticeDate) ?? initialTerm(schedule);
  while (compareDates(noticeDate, ordinaryNoticeDeadline(term)) > 0) {
    term = renewalTerm(schedule, term.renewalNumber + 1);
  }
  return { term, deadline: ordinaryNoticeDeadline(term), terminationDate: term.endDate };
}

/** T 5.5: a divestment needs at least 90 days' written notice. */
export const DIVESTMENT_NOTICE_DAYS = 90;

export interface DivestmentEffect {
  /** Last day in force: notice date + 90 days. */
  terminationDate: IsoDate;
  /** Last day fees are owed for, inclusive. */
  feesOwedUntil: IsoDate;
}

/**
 * A divestment notice (T 5.5). Interpretation (RULES.md §3 names the 90 days only): the
 * subscription ends on notice date + 90 days; the customer stays liable for the fees of the
 * period in force on the notice date (through its last day, if that is later), unless the
 * subscription moves to an entity it controls or the acquirer takes it over (`transferred`).
 */
export function divestmentNoticeEffect(
  schedule: Schedule,
  noticeDate: IsoDate,
  options: { transferred: boolean },
): DivestmentEffect {
  const terminationDate = addDays(assertIsoDate(noticeDate, "noticeDate"), DIVESTMENT_NOTICE_DAYS);
  if (options.transferred) return { terminationDate, feesOwedUntil: terminationDate };
  const term = termInForce(schedule, noticeDate) ?? initialTerm(schedule);
  return { terminationDate, feesOwedUntil: maxDate(terminationDate, term.endDate) };
}

/** One dated entry of a schedule's timeline (for provider staff). */
export type ScheduleEvent =
  | { kind: "start"; date: IsoDate }
  | { kind: "first_invoice"; date: IsoDate }
  | { kind: "dissolution_window"; term: Term; window: DateWindow }
  | { kind: "provider_cancellation_window"; term: Term; window: DateWindow }
  | { kind: "ordinary_notice_deadline"; term: Term; date: IsoDate }
  | { kind: "term_end"; term: Term; date: IsoDate }
  | { kind: "renewal"; term: Term; date: IsoDate }
  | { kind: "invoice"; date: IsoDate }
  | { kind: "termination"; date: IsoDate };

/**
 * The schedule as a list of dated events, in date order: start and first invoice, every
 * term's dissolution window, provider cancellation window, ordinary-notice deadline and end,
 * each renewal, and the monthly invoices from `day` (`invoiceMonths` of them). Terms are
 * listed through the term in force on `day` plus `renewalsAhead` more. With a termination
 * date, nothing after it is listed.
 */
export function scheduleEvents(
  schedule: Schedule,
  day: IsoDate,
  options: { renewalsAhead?: number; invoiceMonths?: number; terminationDate?: IsoDate | null } = {},
): ScheduleEvent[] {
  const renewalsAhead = options.renewalsAhead ?? 1;
  const invoiceMonths = options.invoiceMonths ?? 3;
  const end = options.terminationDate ?? null;
  const current = termInForce(schedule, day);
  const lastTerm = (current?.renewalNumber ?? 0) + renewalsAhead;
  const events: ScheduleEvent[] = [
    { kind: "start", date: schedule.startDate },
    { kind: "first_invoice", date: schedule.startDate },
  ];
  for (let n = 0; n <= lastTerm; n++) {
    const term = n === 0 ? initialTerm(schedule) : renewalTerm(schedule, n);
    if (end && compareDates(term.startDate, end) > 0) break;
    if (n > 0) events.push({ kind: "renewal", term, date: term.startDate });
    events.push({ kind: "dissolution_window", term, window: dissolutionWindow(term) });
    const cancellation = providerCancellationWindow(term);
    if (cancellation) events.push({ kind: "provider_cancellation_window", term, window: cancellation });
    events.push({ kind: "ordinary_notice_deadline", term, date: ordinaryNoticeDeadline(term) });
    events.push({ kind: "term_end", term, date: term.endDate });
  }
  const from = maxDate(addDays(schedule.startDate, 1), day);
  let to = addDays(from, invoiceMonths * 31);
  if (end && compareDates(end, to) < 0) to = end;
  if (compareDates(from, to) <= 0) {
    for (const date of invoiceDates(schedule.startDate, from, to).slice(0, invoiceMonths)) {
      if (date !== schedule.startDate) events.push({ kind: "invoice", date });
    }
  }
  const dateOf = (e: ScheduleEvent) => ("window" in e ? e.window.opens : e.date);
  const listed = end ? events.filter((e) => compareDates(dateOf(e), end) <= 0) : events;
  if (end) listed.push({ kind: "termination", date: end });
  return listed.sort((a, b) => compareDates(dateOf(a), dateOf(b)));
}
