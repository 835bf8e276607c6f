import { describe, expect, it } from "vitest";
import { liabilityCaps, type FeePayment } from "./liability";

describe("T 11.3: liability caps from the fees of the 12 months before the event", () => {
  it("T 11.3.1 500 % of fees paid; T 11.3.2 125 % of fees paid and payable; first and last day counted", () => {
    const payments: FeePayment[] = [
      { date: "2024-06-14", amount: "1000.00", paid: true }, // day before the period
      { date: "2024-06-15", amount: "1000.00", paid: true }, // first day of the period
      { date: "2025-06-14", amount: "1000.00", paid: true }, // last day (day before the event)
      { date: "2025-06-15", amount: "1000.00", paid: true }, // the event day: not "before" it
      { date: "2025-01-01", amount: "500.00", paid: false }, // payable, not paid
    ];
    expect(liabilityCaps(payments, "2025-06-15")).toEqual({
      periodStart: "2024-06-15",
      periodEnd: "2025-06-14",
      feesPaid: "2000.00",
      feesPaidAndPayable: "2500.00",
      dataProtectionCap: "10000.00",
      otherClaimsCap: "3125.00",
    });
  });

  it.each([
    ["2025-02-28", "2024-02-28", "2025-02-27"],
    ["2024-02-29", "2023-02-28", "2024-02-28"],
    ["2025-03-01", "2024-03-01", "2025-02-28"],
    ["2028-03-01", "2027-03-01", "2028-02-29"],
  ])("an event on %s looks back from %s through %s", (eventDate, periodStart, periodEnd) => {
    expect(liabilityCaps([], eventDate)).toMatchObject({
      periodStart,
      periodEnd,
      feesPaid: "0.00",
      dataProtectionCap: "0.00",
      otherClaimsCap: "0.00",
    });
  });

  it.each([
    ["0.01", "0.01"], // 0.0125
    ["0.02", "0.03"], // 0.025 → half-up
    ["99.99", "124.99"], // 124.9875
  ])("125 %% of %s is %s, half-up to the cent", (amount, cap) => {
    expect(liabilityCaps([{ date: "2025-01-01", amount, paid: false }], "2025-06-01").otherClaimsCap).toBe(cap);
  });
});
