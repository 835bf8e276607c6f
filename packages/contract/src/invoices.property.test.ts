import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInMonth, parseIsoDate } from "./dates";
import { firstInvoice, proratedMonthlyFee } from "./invoices";
import { isoDateArb, moneyArb } from "./test-arbitraries";

describe("T 4.2 proration invariants", () => {
  it("equals the exact fraction rounded half-up, computed in integer cents", () => {
    fc.assert(
      fc.property(isoDateArb(), moneyArb, (start, fee) => {
        const { year, month, day } = parseIsoDate(start);
        const dim = daysInMonth(year, month);
        const days = dim - day + 1;
        const feeCents = BigInt(Math.round(Number(fee) * 100));
        // half-up of feeCents × days / dim in integers: floor((2·a + b) / (2·b)).
        const expectedCents = (2n * feeCents * BigInt(days) + BigInt(dim)) / (2n * BigInt(dim));
        const expected = `${expectedCents / 100n}.${String(expectedCents % 100n).padStart(2, "0")}`;
        expect(proratedMonthlyFee(start, fee)).toBe(expected);
        if (day === 1) expect(proratedMonthlyFee(start, fee)).toBe(fee);
      }),
    );
  });

  it("the first invoice total is the sum of its parts", () => {
    fc.assert(
      fc.property(
        isoDateArb(),
        moneyArb,
        moneyArb,
        fc.array(moneyArb, { maxLength: 5 }),
        (start, monthly, setup, services) => {
          const invoice = firstInvoice({
            startDate: start,
            monthlyFee: monthly,
            setupFee: setup,
            serviceFees: services,
          });
          const cents = (m: string) => Math.round(Number(m) * 100);
          const expected =
            cents(setup) + services.reduce((s, m) => s + cents(m), 0) + cents(invoice.proratedMonthlyFee);
          expect(cents(invoice.total)).toBe(expected);
          expect(invoice.date).toBe(start);
        },
      ),
    );
  });
});
