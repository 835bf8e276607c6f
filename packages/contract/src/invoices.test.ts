import { describe, expect, it } from "vitest";
import { firstInvoice, invoiceDates, lastInvoiceDate, proratedMonthlyFee } from "./invoices";

describe("T 4.2: prorated monthly fee = monthly × days to month end (inclusive) / days in month, half-up", () => {
  it.each([
    ["2025-01-01", "310.00", "310.00"], // 31/31: the full month
    ["2025-01-31", "310.00", "10.00"], // 1/31
    ["2025-01-16", "310.00", "160.00"], // 16/31
    ["2025-03-10", "1000.00", "709.68"], // 22/31 = 709.677…
    ["2024-02-29", "290.00", "10.00"], // 1/29 (leap)
    ["2024-02-15", "290.00", "150.00"], // 15/29
    ["2028-02-01", "290.00", "290.00"], // 29/29
    ["2025-02-15", "280.00", "140.00"], // 14/28
    ["2026-02-28", "100.00", "3.57"], // 1/28 = 3.5714…
    ["2025-04-16", "100.01", "50.01"], // 15/30 = 50.005 → half-up
    ["2025-04-30", "0.15", "0.01"], // 1/30 = 0.005 → half-up
  ])("start %s, monthly %s → %s", (startDate, monthlyFee, expected) => {
    expect(proratedMonthlyFee(startDate, monthlyFee)).toBe(expected);
  });
});

describe("T 4.2: the first invoice is on the start date with setup, service and prorated monthly fees", () => {
  it("adds everything up exactly", () => {
    expect(
      firstInvoice({
        startDate: "2025-03-10",
        monthlyFee: "1000.00",
        setupFee: "500",
        serviceFees: ["250.00", "99.99"],
      }),
    ).toEqual({
      date: "2025-03-10",
      setupFee: "500.00",
      serviceFees: "349.99",
      proratedMonthlyFee: "709.68",
      daysCharged: 22,
      daysInMonth: 31,
      total: "1559.67",
    });
  });

  it("has zero setup and service fees when none are given", () => {
    expect(firstInvoice({ startDate: "2024-02-29", monthlyFee: "290.00" })).toMatchObject({
      setupFee: "0.00",
      serviceFees: "0.00",
      daysCharged: 1,
      daysInMonth: 29,
      total: "10.00",
    });
  });
});

describe("T 4.2: invoice dates are the start date, then the 1st of every month", () => {
  it.each([
    ["2025-03-10", "2025-03-01", "2025-06-30", ["2025-03-10", "2025-04-01", "2025-05-01", "2025-06-01"]],
    ["2025-03-01", "2025-03-01", "2025-05-01", ["2025-03-01", "2025-04-01", "2025-05-01"]], // start on a 1st
    ["2025-03-10", "2025-04-02", "2025-07-01", ["2025-05-01", "2025-06-01", "2025-07-01"]],
    ["2024-12-20", "2024-12-01", "2025-02-28", ["2024-12-20", "2025-01-01", "2025-02-01"]],
    ["2024-02-29", "2024-02-29", "2024-03-31", ["2024-02-29", "2024-03-01"]],
    ["2025-03-10", "2025-01-01", "2025-03-09", []], // before the start
    ["2025-03-10", "2025-06-01", "2025-05-01", []], // to before from
  ])("start %s, from %s to %s → %o", (start, from, to, expected) => {
    expect(invoiceDates(start, from, to)).toEqual(expected);
  });
});

describe("T 4.2 / RULES §5: last invoice date = last 1st on or before termination, not before the first invoice", () => {
  it.each([
    ["2025-01-15", "2025-03-31", "2025-03-01"],
    ["2025-01-15", "2025-03-01", "2025-03-01"], // terminates on a 1st
    ["2025-01-15", "2025-02-28", "2025-02-01"],
    ["2025-01-15", "2025-01-31", "2025-01-15"], // only the first invoice was issued
    ["2025-01-15", "2025-01-15", "2025-01-15"],
    ["2025-01-01", "2025-03-31", "2025-03-01"], // dissolution in the first window
    ["2024-02-29", "2024-03-28", "2024-03-01"],
    ["2024-01-10", "2024-02-29", "2024-02-01"],
  ])("start %s, termination %s → %s", (start, termination, expected) => {
    expect(lastInvoiceDate(start, termination)).toBe(expected);
  });

  it("refuses a termination before the start", () => {
    expect(() => lastInvoiceDate("2025-01-15", "2025-01-14")).toThrow(RangeError);
  });
});
