import { maxDate, type IsoDate } from "./dates";
import { initialTermEndDate, termInForce, type Schedule, type SubscriptionTerms } from "./schedule";

/**
 * Interpretation (not spelled out in RULES.md; a lawyer may flip it): when a dealer group
 * or OEM adds a product (T 5.6), the new initial minimum period never ends before the term
 * an existing product is already committed to. L definition 7 only ever *extends* a term
 * to align; it is never shortened. With `false`, the new period would end exactly when the
 * new product's own initial term ends, even if that cuts an existing term short.
 */
export const GROUP_RESET_NEVER_SHORTENS_CURRENT_TERM = true;

/**
 * Schedules after a dealer group or OEM adds a product for its dealers (T 5.6): a new
 * initial minimum period starts for every product, and all of them end (and then renew)
 * on the same date.
 *
 * - The new period starts on the new product's start date. For a product already live it
 *   replaces the term it was in; a product not live yet starts on its own start date.
 *   Because the new period is each product's initial term from then on, every product gets
 *   a dissolution window (L 5.1) from the new period's start.
 * - It ends on the new product's own initial-term end (start + N months − 1 day), or later
 *   if an existing product's current term ends later (see
 *   `GROUP_RESET_NEVER_SHORTENS_CURRENT_TERM`).
 * - Renewal terms are the longest initial term of all products (T 5.2).
 *
 * @param existing the current schedules of the customer's products (may be empty)
 * @param added the order-form terms of the product being added
 * @returns the new schedules: one per existing product in the same order, then the added product
 */
export function addGroupProduct(existing: readonly Schedule[], added: SubscriptionTerms): Schedule[] {
  const addedEnd = initialTermEndDate(added.startDate, added.initialTermMonths);
  const committedEnds = GROUP_RESET_NEVER_SHORTENS_CURRENT_TERM
    ? existing.map((s) => termInForce(s, added.startDate)?.endDate ?? s.initialTermEndDate)
    : [];
  const endDate = maxDate(addedEnd, ...committedEnds);
  const renewalTermMonths = Math.max(added.initialTermMonths, ...existing.map((s) => s.renewalTermMonths));
  const scheduleFrom = (ownStart: IsoDate): Schedule => ({
    startDate: maxDate(ownStart, added.startDate),
    initialTermEndDate: endDate,
    renewalTermMonths,
  });
  return [...existing.map((s) => scheduleFrom(s.startDate)), scheduleFrom(added.startDate)];
}
