import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween } from "./dates";
import { addGroupProduct } from "./group-product";
import { alignSchedules, initialTermEndDate, productSchedule, renewalDate, renewalTerm, termInForce } from "./schedule";
import { isoDateArb, termMonthsArb } from "./test-arbitraries";
import { oracleAddMonths } from "./test-oracles";

const subscriptionArb = fc.record({
  startDate: isoDateArb("2000-01-01", "2060-12-31"),
  initialTermMonths: termMonthsArb,
});

describe("schedule invariants (L definition 7, T 5.1, T 5.2, T 5.6)", () => {
  it("L def 7: the initial term ends the day before the oracle's start + N months", () => {
    fc.assert(
      fc.property(subscriptionArb, ({ startDate, initialTermMonths }) => {
        expect(addDays(initialTermEndDate(startDate, initialTermMonths), 1)).toBe(
          oracleAddMonths(startDate, initialTermMonths),
        );
      }),
    );
  });

  it("T 5.2: renewal terms are contiguous and their start dates never move backwards", () => {
    fc.assert(
      fc.property(subscriptionArb, fc.integer({ min: 1, max: 40 }), (subscription, n) => {
        const schedule = productSchedule(subscription);
        const term = renewalTerm(schedule, n);
        const next = renewalTerm(schedule, n + 1);
        expect(addDays(term.endDate, 1)).toBe(next.startDate);
        expect(compareDates(term.startDate, term.endDate)).toBeLessThanOrEqual(0);
        expect(compareDates(next.startDate, term.startDate)).toBe(1);
        if (n === 1) expect(term.startDate).toBe(renewalDate(schedule));
      }),
    );
  });

  it("T 5.1/5.2: the term in force contains the day and its number never goes down as days pass", () => {
    fc.assert(
      fc.property(
        subscriptionArb,
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        (subscription, offset, step) => {
          const schedule = productSchedule(subscription);
          const day = addDays(subscription.startDate, offset);
          const later = addDays(day, step);
          const term = termInForce(schedule, day);
          const laterTerm = termInForce(schedule, later);
          expect(term).not.toBeNull();
          expect(laterTerm).not.toBeNull();
          if (!term || !laterTerm) return;
          expect(compareDates(term.startDate, day)).toBeLessThanOrEqual(0);
          expect(compareDates(day, term.endDate)).toBeLessThanOrEqual(0);
          expect(laterTerm.renewalNumber).toBeGreaterThanOrEqual(term.renewalNumber);
        },
      ),
    );
  });

  it("T 5.1: adding a subscription never moves the common renewal date backwards", () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb, { minLength: 1, maxLength: 5 }), subscriptionArb, (subs, extra) => {
        const before = alignSchedules(subs);
        const after = alignSchedules([...subs, extra]);
        const beforeRenewal = renewalDate(before[0]!);
        expect(compareDates(renewalDate(after[0]!), beforeRenewal)).toBeGreaterThanOrEqual(0);
        for (const s of after) {
          expect(s.initialTermEndDate).toBe(after[0]!.initialTermEndDate);
          expect(s.renewalTermMonths).toBe(Math.max(...[...subs, extra].map((x) => x.initialTermMonths)));
        }
        // L definition 7: no subscription's own initial term is shortened.
        [...subs, extra].forEach((sub, i) => {
          const own = initialTermEndDate(sub.startDate, sub.initialTermMonths);
          expect(compareDates(after[i]!.initialTermEndDate, own)).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it("T 5.6: after a group product is added, every product ends on one date no earlier than any current commitment", () => {
    fc.assert(
      fc.property(fc.array(subscriptionArb, { minLength: 0, maxLength: 4 }), subscriptionArb, (subs, added) => {
        const existing = subs.length ? alignSchedules(subs) : [];
        const result = addGroupProduct(existing, added);
        expect(result).toHaveLength(existing.length + 1);
        const end = result[0]!.initialTermEndDate;
        for (const s of result) {
          expect(s.initialTermEndDate).toBe(end);
          expect(compareDates(s.startDate, end)).toBeLessThanOrEqual(0);
          expect(compareDates(s.startDate, added.startDate)).toBeGreaterThanOrEqual(0);
        }
        expect(compareDates(end, initialTermEndDate(added.startDate, added.initialTermMonths))).toBeGreaterThanOrEqual(
          0,
        );
        existing.forEach((s) => {
          const committed = termInForce(s, added.startDate)?.endDate ?? s.initialTermEndDate;
          expect(daysBetween(committed, end)).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });
});
