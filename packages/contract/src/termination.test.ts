import { describe, expect, it } from "vitest";
import { terminationTimeline } from "./termination";

describe("L 5.2, T 5.9, T 6.11: what happens after termination", () => {
  it.each([
    // [termination, last invoice, admin read-only until, deletion, reinstatement/export until]
    ["2025-03-31", "2025-03-01", "2025-04-30", "2025-05-01", "2025-04-30"],
    ["2024-01-31", "2024-01-01", "2024-03-01", "2024-03-02", "2024-03-01"], // through 29 Feb 2024
    ["2025-01-31", "2025-01-01", "2025-03-02", "2025-03-03", "2025-03-02"], // no 29 Feb in 2025
    ["2028-01-31", "2028-01-01", "2028-03-01", "2028-03-02", "2028-03-01"],
    ["2025-06-01", "2025-06-01", "2025-07-01", "2025-07-02", "2025-07-01"], // ends on its invoice day
    ["2025-12-31", "2025-12-01", "2026-01-30", "2026-01-31", "2026-01-30"],
  ])(
    "terminated %s, last invoice %s → read-only through %s, deleted %s, reinstate/export through %s",
    (terminationDate, lastInvoiceDate, adminReadOnlyUntil, deletionDate, until) => {
      expect(terminationTimeline({ terminationDate, lastInvoiceDate })).toEqual({
        terminationDate,
        lastInvoiceDate,
        adminReadOnlyUntil,
        deletionDate,
        reinstatementPossibleUntil: until,
        exportPossibleUntil: until,
      });
    },
  );

  it("L 5.2: refuses a last invoice after the termination date", () => {
    expect(() =>
      terminationTimeline({
        terminationDate: "2025-03-31",
        lastInvoiceDate: "2025-04-01",
      }),
    ).toThrow(RangeError);
  });
});
