import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { liabilityCaps, type FeePayment } from "./liability";
import { isoDateArb, moneyArb } from "./test-arbitraries";

const paymentArb = fc.record({
  date: isoDateArb("2023-01-01", "2026-12-31"),
  amount: moneyArb,
  paid: fc.boolean(),
});
const cents = (m: string) => Math.round(Number(m) * 100);

describe("T 11.3 liability cap invariants", () => {
  it("caps are 500 % of paid and 125 % of paid-and-payable within [event − 12 months, event)", () => {
    fc.assert(
      fc.property(
        fc.array(paymentArb, { maxLength: 30 }),
        isoDateArb("2024-01-01", "2026-12-31"),
        (payments, eventDate) => {
          const caps = liabilityCaps(payments, eventDate);
          const counted = payments.filter((p) => p.date >= caps.periodStart && p.date < eventDate);
          const paid = counted.filter((p) => p.paid).reduce((s, p) => s + cents(p.amount), 0);
          const all = counted.reduce((s, p) => s + cents(p.amount), 0);
          expect(cents(caps.feesPaid)).toBe(paid);
          expect(cents(caps.feesPaidAndPayable)).toBe(all);
          expect(cents(caps.dataProtectionCap)).toBe(5 * paid);
          // 125 % in integer cents, half-up: floor((125·c + 50) / 100).
          expect(cents(caps.otherClaimsCap)).toBe(Math.floor((125 * all + 50) / 100));
        },
      ),
    );
  });

  it("adding a payment never lowers a cap", () => {
    fc.assert(
      fc.property(
        fc.array(paymentArb, { maxLength: 10 }),
        paymentArb,
        isoDateArb("2024-01-01", "2026-12-31"),
        (payments, extra, eventDate) => {
          const before = liabilityCaps(payments, eventDate);
          const after = liabilityCaps([...payments, extra] as FeePayment[], eventDate);
          expect(cents(after.dataProtectionCap)).toBeGreaterThanOrEqual(cents(before.dataProtectionCap));
          expect(cents(after.otherClaimsCap)).toBeGreaterThanOrEqual(cents(before.otherClaimsCap));
        },
      ),
    );
  });
});
