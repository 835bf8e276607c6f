import { addDays, compareDates, type IsoDate } from "./dates";
import type { DateWindow } from "./dissolution";
import { nextTermStart, renewalDate, termInForce, type Schedule, type Term } from "./schedule";

/** L 5.1: the provider cancels with 90 days' written notice. */
export const PROVIDER_CANCELLATION_NOTICE_DAYS = 90;

/**
 * L 5.1: the notice must be given "at the start of a renewal period".
 * Interpretation (RULES.md §3): within the first 90 days of a renewal term.
 */
export const PROVIDER_CANCELLATION_WINDOW_DAYS = 90;

/**
 * Days on which the provider may give cancellation notice during `term` (L 5.1):
 * the first 90 days of a renewal term; `null` for the initial term (never allowed there).
 */
export function providerCancellationWindow(term: Term): DateWindow | null {
  if (term.kind !== "renewal") return null;
  return {
    opens: term.startDate,
    closes: addDays(term.startDate, PROVIDER_CANCELLATION_WINDOW_DAYS - 1),
  };
}

export type ProviderCancellationRefusalCode = "not_started" | "initial_term" | "outside_window";

export type ProviderCancellationEffect =
  | {
      allowed: true;
      term: Term;
      /** Last day the licence is in force: notice date + 90 days. */
      lastDayInForce: IsoDate;
    }
  | {
      allowed: false;
      code: ProviderCancellationRefusalCode;
      message: string;
      /** First day on which the provider could give notice (the next renewal term's start). */
      nextWindowOpens: IsoDate;
    };

/**
 * What a provider cancellation notice given on `noticeDate` does (L 5.1).
 *
 * Interpretation (RULES.md §3): allowed only within the first 90 days of a renewal term
 * (not in the initial term); the licence is in force through notice date + 90 days.
 */
export function providerCancellationEffect(schedule: Schedule, noticeDate: IsoDate): ProviderCancellationEffect {
  const term = termInForce(schedule, noticeDate);
  if (term === null || term.kind === "initial") {
    const opens = renewalDate(schedule);
    return {
      allowed: false,
      code: term === null ? "not_started" : "initial_term",
      message: `The provider may not cancel during the initial term; the first renewal term starts on ${opens}.`,
      nextWindowOpens: opens,
    };
  }
  const window = providerCancellationWindow(term) as DateWindow;
  if (compareDates(noticeDate, window.closes) > 0) {
    const opens = nextTermStart(schedule, noticeDate);
    return {
      allowed: false,
      code: "outside_window",
      message: `Provider cancellation notice was possible until ${window.closes}; the next renewal term starts on ${opens}.`,
      nextWindowOpens: opens,
    };
  }
  return {
    allowed: true,
    term,
    lastDayInForce: addDays(noticeDate, PROVIDER_CANCELLATION_NOTICE_DAYS),
  };
}
