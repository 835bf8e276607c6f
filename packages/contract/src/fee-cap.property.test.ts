import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractYearStart } from "./contract-year";
import { addDays, compareDates } from "./dates";
import { checkFeeChange, type FeeChangeReason, type FeeHistoryEntry } from "./fee-cap";
import { isoDateArb, moneyArb } from "./test-arbitraries";

const reasonArb = fc.constantFrom<FeeChangeReason>(
  "yearly_rise",
  "documented_cost_increase",
  "ordered_services",
  "tier_change",
);
const proposalArb = fc.record({
  daysLater: fc.integer({ min: 0, max: 400 }),
  // Mostly amounts near the current fee (‰ of it), so rises around the 5 % cap are common.
  amount: fc.oneof(
    { weight: 1, arbitrary: moneyArb.map((absolute) => ({ absolute })) },
    {
      weight: 4,
      arbitrary: fc.integer({ min: 950, max: 1100 }).map((permille) => ({ permille })),
    },
  ),
  reason: reasonArb,
  evidence: fc.option(fc.constantFrom("", "COST-1", "  "), { nil: undefined }),
});

const cents = (m: string) => Math.round(Number(m) * 100);
const fromCents = (c: number) => (c / 100).toFixed(2);

// Contract year (1-based) of a day, computed by stepping years rather than through contractYearOf.
function yearOf(start: string, day: string): number {
  let year = 1;
  while (compareDates(day, contractYearStart(start, year + 1)) >= 0) year += 1;
  return year;
}

describe("T 4.4 fee cap invariants", () => {
  let acceptedYearlyRises = 0;

  it("no history built from accepted changes rises more than 5 % in a contract year without a documented reason", () => {
    fc.assert(
      fc.property(
        isoDateArb("2020-01-01", "2040-12-31"),
        moneyArb.filter((fee) => fee !== "0.00"),
        fc.array(proposalArb, { minLength: 5, maxLength: 30 }),
        (start, initialFee, proposals) => {
          const history: FeeHistoryEntry[] = [{ effectiveDate: start, monthlyFee: initialFee, reason: "initial" }];
          let day = start;
          for (const p of proposals) {
            day = addDays(day, p.daysLater);
            const latestFee = cents(history[history.length - 1]!.monthlyFee);
            const amount =
              "absolute" in p.amount
                ? p.amount.absolute
                : fromCents(Math.round((latestFee * p.amount.permille) / 1000));
            const proposed = {
              date: day,
              amount,
              reason: p.reason,
              ...(p.evidence === undefined ? {} : { evidenceReference: p.evidence }),
            };
            const decision = checkFeeChange({
              history,
              productStartDate: start,
              proposed,
            });
            if (decision.allowed) {
              history.push({
                effectiveDate: decision.effectiveDate,
                monthlyFee: amount,
                reason: p.reason,
                ...(p.evidence ? { evidenceReference: p.evidence } : {}),
              });
              if (p.reason === "yearly_rise") acceptedYearlyRises += 1;
            }
          }
          const risesPerYear = new Map<number, number>();
          history.forEach((entry, i) => {
            if (entry.reason !== "yearly_rise" && entry.reason !== "documented_cost_increase") return;
            const previous = history[i - 1]!;
            const year = yearOf(start, entry.effectiveDate);
            expect(year).toBeGreaterThanOrEqual(2); // never in the first 12 months
            expect(entry.effectiveDate.endsWith("-01")).toBe(true); // only from a 1st
            risesPerYear.set(year, (risesPerYear.get(year) ?? 0) + 1);
            // Compare in cents with integers: new ≤ old × 1.05 ⇔ 100·new ≤ 105·old.
            expect(cents(entry.monthlyFee)).toBeGreaterThan(cents(previous.monthlyFee));
            if (entry.reason === "yearly_rise") {
              expect(100 * cents(entry.monthlyFee)).toBeLessThanOrEqual(105 * cents(previous.monthlyFee));
            } else {
              expect(entry.evidenceReference?.trim()).toBeTruthy();
            }
          });
          for (const count of risesPerYear.values()) expect(count).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
    // Guard against a vacuous property: the generator must produce accepted yearly rises.
    expect(acceptedYearlyRises).toBeGreaterThan(60);
  });

  it("ordered services and tier changes are always accepted from the 1st of the next month", () => {
    fc.assert(
      fc.property(
        isoDateArb("2020-01-01", "2040-12-31"),
        fc.integer({ min: 0, max: 2000 }),
        moneyArb,
        (start, offset, amount) => {
          const date = addDays(start, offset);
          const decision = checkFeeChange({
            history: [{ effectiveDate: start, monthlyFee: "100.00", reason: "initial" }],
            productStartDate: start,
            proposed: {
              date,
              amount,
              reason: offset % 2 ? "tier_change" : "ordered_services",
            },
          });
          expect(decision).toMatchObject({ allowed: true, maxAllowed: null });
          expect(decision.effectiveDate.endsWith("-01")).toBe(true);
          expect(compareDates(decision.effectiveDate, date)).toBe(1);
          expect(compareDates(decision.effectiveDate, addDays(date, 31))).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
