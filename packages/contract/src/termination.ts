import { addDays, assertIsoDate, compareDates, maxDate, minDate, type IsoDate } from "./dates";

/** L 5.2: administrators keep (read-only) access to the customer data for 30 days after termination. */
export const ADMIN_ACCESS_DAYS_AFTER_TERMINATION = 30;

/** L 5.2 (T 6.11 defers to it): all customer data is deleted 30 days after the last invoice date. */
export const DELETION_DAYS_AFTER_LAST_INVOICE = 30;

/** T 5.9: a request within 60 days of termination reinstates the original subscription; no export after that. */
export const REINSTATEMENT_DAYS_AFTER_TERMINATION = 60;

export interface TerminationTimeline {
  /** Last day the subscription is in force. */
  terminationDate: IsoDate;
  /** Date of the last monthly invoice issued while it was in force. */
  lastInvoiceDate: IsoDate;
  /** Last day administrators can read and export the data themselves. */
  adminReadOnlyUntil: IsoDate;
  /** The day all customer data is permanently deleted. */
  deletionDate: IsoDate;
  /** Last day a request reinstates the original subscription with its settings. */
  reinstatementPossibleUntil: IsoDate;
  /** Last day the provider can export the data on request. */
  exportPossibleUntil: IsoDate;
}

/**
 * What happens after termination, day by day (L 5.2, T 5.9, T 6.11; RULES.md §5).
 *
 * Interpretations (RULES.md §5):
 * - `adminReadOnlyUntil` = termination date + 30 days, inclusive.
 * - `deletionDate` = the later of (last invoice date + 30 days) and the day after the
 *   administrators' access ends, so their 30 days are never cut short.
 * - `reinstatementPossibleUntil` = the earlier of termination date + 60 days and the day
 *   before deletion (the settings must still exist).
 * - `exportPossibleUntil` (not spelled out): the same day. T 5.9 allows no export after 60
 *   days, and nothing can be exported once it is deleted. Administrators export for
 *   themselves through `adminReadOnlyUntil`; after that the provider exports on request.
 *
 * Note: because the last invoice is issued while the subscription is in force, it is never
 * after the termination date, so in practice deletion is termination + 31 days and the
 * day-before-deletion limit (termination + 30) cuts T 5.9's 60 days short.
 *
 * @throws RangeError if the last invoice date is after the termination date.
 */
export function terminationTimeline(input: {
  terminationDate: IsoDate;
  lastInvoiceDate: IsoDate;
}): TerminationTimeline {
  const terminationDate = assertIsoDate(input.terminationDate, "terminationDate");
  const lastInvoiceDate = assertIsoDate(input.lastInvoiceDate, "lastInvoiceDate");
  if (compareDates(lastInvoiceDate, terminationDate) > 0) {
    throw new RangeError(
      `Last invoice date ${lastInvoiceDate} is after the termination date ${terminationDate}; it must be an invoice issued while the subscription was in force`,
    );
  }
  const adminReadOnlyUntil = addDays(terminationDate, ADMIN_ACCESS_DAYS_AFTER_TERMINATION);
  const deletionDate = maxDate(
    addDays(lastInvoiceDate, DELETION_DAYS_AFTER_LAST_INVOICE),
    addDays(adminReadOnlyUntil, 1),
  );
  const reinstatementPossibleUntil = minDate(
    addDays(terminationDate, REINSTATEMENT_DAYS_AFTER_TERMINATION),
    addDays(deletionDate, -1),
  );
  return {
    terminationDate,
    lastInvoiceDate,
    adminReadOnlyUntil,
    deletionDate,
    reinstatementPossibleUntil,
    exportPossibleUntil: reinstatementPossibleUntil,
  };
}
