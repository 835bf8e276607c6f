import { addDays, assertIsoDate, compareDates, type IsoDate } from "./dates";
import { nextTermStart, termInForce, type Schedule, type Term } from "./schedule";

/** L 5.1: the customer may dissolve within the first 90 days of the initial or any renewal term. */
export const DISSOLUTION_WINDOW_DAYS = 90;

/** A run of whole days, both ends inclusive. */
export interface DateWindow {
  opens: IsoDate;
  closes: IsoDate;
}

/**
 * The dissolution window of `term` (L 5.1): "within the first 90 days of a period
 * starting S" = S … S + 89 inclusive (RULES.md §3).
 *
 * The window is not clipped to the term's end; with a term shorter than 90 days (no
 * order form has one) it would reach into the next term, whose own window then applies.
 */
export function dissolutionWindow(term: Term): DateWindow {
  const opens = assertIsoDate(term.startDate, "startDate");
  return { opens, closes: addDays(opens, DISSOLUTION_WINDOW_DAYS - 1) };
}

/** Whether the customer may dissolve on `day`: within the window of the term in force (L 5.1). */
export function isDissolutionWindowOpen(schedule: Schedule, day: IsoDate): boolean {
  const term = termInForce(schedule, day);
  return term !== null && compareDates(day, dissolutionWindow(term).closes) <= 0;
}

export type DissolutionRefusalCode = "not_started" | "outside_window";

export type DissolutionEffect =
  | {
      accepted: true;
      term: Term;
      window: DateWindow;
      /** Last day the subscription is in force. */
      terminationDate: IsoDate;
      /** Last day fees are owed for, inclusive. */
      lastFeeDay: IsoDate;
    }
  | {
      accepted: false;
      code: DissolutionRefusalCode;
      message: string;
      /** The day the next dissolution window opens (the start of the next term). */
      nextWindowOpens: IsoDate;
    };

/**
 * What a dissolution notice received on `noticeDate` does (L 5.1).
 *
 * Interpretation (RULES.md §3): a notice given on any day of the window ends the
 * subscription on the window's last day (term start + 89 days), and fees are owed up to
 * and including that day. A notice outside a window is refused with the date the next
 * window opens.
 */
export function dissolutionNoticeEffect(schedule: Schedule, noticeDate: IsoDate): DissolutionEffect {
  const term = termInForce(schedule, noticeDate);
  if (term === null) {
    return {
      accepted: false,
      code: "not_started",
      message: `The subscription starts on ${schedule.startDate}; its first dissolution window opens then.`,
      nextWindowOpens: schedule.startDate,
    };
  }
  const window = dissolutionWindow(term);
  if (compareDates(noticeDate, window.closes) > 0) {
    const nextWindowOpens = nextTermStart(schedule, noticeDate);
    return {
      accepted: false,
      code: "outside_window",
      message: `The dissolution window of this term closed on ${window.closes}; the next one opens on ${nextWindowOpens}.`,
      nextWindowOpens,
    };
  }
  // The single place where "ends on the window's last day" is decided (see above).
  const terminationDate = window.closes;
  return {
    accepted: true,
    term,
    window,
    terminationDate,
    lastFeeDay: terminationDate,
  };
}
