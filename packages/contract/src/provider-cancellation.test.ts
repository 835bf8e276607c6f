import { describe, expect, it } from "vitest";
import { providerCancellationEffect, providerCancellationWindow } from "./provider-cancellation";
import { initialTerm, productSchedule, renewalTerm } from "./schedule";

describe("L 5.1: provider cancellation (start 2025-01-01, 12-month terms)", () => {
  const schedule = productSchedule({
    startDate: "2025-01-01",
    initialTermMonths: 12,
  });

  it("has no window in the initial term, and the first 90 days of each renewal term", () => {
    expect(providerCancellationWindow(initialTerm(schedule))).toBeNull();
    expect(providerCancellationWindow(renewalTerm(schedule, 1))).toEqual({
      opens: "2026-01-01",
      closes: "2026-03-31",
    });
    expect(providerCancellationWindow(renewalTerm(schedule, 3))).toEqual({
      opens: "2028-01-01",
      closes: "2028-03-30",
    });
  });

  it.each([
    ["2026-01-01", "2026-04-01"], // first day of renewal 1: in force through notice + 90 days
    ["2026-03-31", "2026-06-29"], // last day of the window
    ["2028-01-01", "2028-03-31"], // across 29 Feb 2028
    ["2028-03-30", "2028-06-28"], // last day of the window in a leap year
  ])("notice on %s is allowed; the licence is in force through %s", (noticeDate, lastDayInForce) => {
    expect(providerCancellationEffect(schedule, noticeDate)).toMatchObject({
      allowed: true,
      lastDayInForce,
    });
  });

  it.each([
    ["2024-12-01", "not_started", "2026-01-01"],
    ["2025-01-01", "initial_term", "2026-01-01"], // first day of the initial term
    ["2025-12-31", "initial_term", "2026-01-01"], // last day of the initial term
    ["2026-04-01", "outside_window", "2027-01-01"], // day 91 of renewal 1
    ["2028-03-31", "outside_window", "2029-01-01"], // day 91 of renewal 3 (leap year)
  ])("notice on %s is refused (%s); next possible %s", (noticeDate, code, nextWindowOpens) => {
    expect(providerCancellationEffect(schedule, noticeDate)).toMatchObject({
      allowed: false,
      code,
      nextWindowOpens,
    });
  });
});
