import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, daysBetween } from "./dates";
import { invoiceDates, lastInvoiceDate } from "./invoices";
import { terminationTimeline } from "./termination";
import { isoDateArb } from "./test-arbitraries";

describe("L 5.2 / T 5.9 termination timeline invariants", () => {
  it("orders read-only access, reinstatement and deletion correctly", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: 0, max: 3000 }), (start, length) => {
        const terminationDate = addDays(start, length);
        const t = terminationTimeline({
          terminationDate,
          lastInvoiceDate: lastInvoiceDate(start, terminationDate),
        });
        expect(daysBetween(terminationDate, t.adminReadOnlyUntil)).toBe(30);
        expect(compareDates(t.adminReadOnlyUntil, t.deletionDate)).toBe(-1);
        expect(daysBetween(t.lastInvoiceDate, t.deletionDate)).toBeGreaterThanOrEqual(30);
        expect(compareDates(t.reinstatementPossibleUntil, addDays(t.deletionDate, -1))).toBeLessThanOrEqual(0);
        expect(daysBetween(terminationDate, t.reinstatementPossibleUntil)).toBeLessThanOrEqual(60);
        expect(compareDates(t.adminReadOnlyUntil, t.reinstatementPossibleUntil)).toBeLessThanOrEqual(0);
        expect(compareDates(t.exportPossibleUntil, t.deletionDate)).toBe(-1);
      }),
    );
  });

  it("T 4.2: the last invoice date is the last invoice issued up to the termination date", () => {
    fc.assert(
      fc.property(isoDateArb(), fc.integer({ min: 0, max: 1500 }), (start, length) => {
        const terminationDate = addDays(start, length);
        const dates = invoiceDates(start, start, terminationDate);
        expect(dates[0]).toBe(start);
        expect(dates[dates.length - 1]).toBe(lastInvoiceDate(start, terminationDate));
        dates.slice(1).forEach((d, i) => {
          expect(d.endsWith("-01")).toBe(true);
          expect(compareDates(d, dates[i]!)).toBe(1);
        });
      }),
    );
  });
});
