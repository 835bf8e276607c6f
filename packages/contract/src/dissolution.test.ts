import { describe, expect, it } from "vitest";
import { dissolutionNoticeEffect, dissolutionWindow, isDissolutionWindowOpen } from "./dissolution";
import { productSchedule } from "./schedule";

describe("L 5.1: dissolution window = term start … term start + 89 days", () => {
  it.each([
    ["2025-01-01", "2025-03-31"],
    ["2024-01-01", "2024-03-30"], // through 29 Feb 2024
    ["2024-02-29", "2024-05-28"],
    ["2025-02-28", "2025-05-28"],
    ["2025-12-15", "2026-03-14"],
    ["2027-12-15", "2028-03-13"], // through 29 Feb 2028
  ])("a term starting %s has a window closing %s", (startDate, closes) => {
    const window = dissolutionWindow({
      kind: "renewal",
      renewalNumber: 1,
      startDate,
      endDate: "2030-01-01",
    });
    expect(window).toEqual({ opens: startDate, closes });
  });
});

describe("L 5.1: effect of a dissolution notice (start 2025-01-01, 12-month terms)", () => {
  const schedule = productSchedule({
    startDate: "2025-01-01",
    initialTermMonths: 12,
  });

  it.each([
    ["2025-01-01", "2025-03-31"], // first day of the initial window
    ["2025-02-14", "2025-03-31"],
    ["2025-03-31", "2025-03-31"], // last day of the initial window
    ["2026-01-01", "2026-03-31"], // first day of renewal 1's window
    ["2026-03-31", "2026-03-31"], // last day of renewal 1's window
    ["2028-03-30", "2028-03-30"], // leap year: 2028-01-01 + 89 days = 2028-03-30
  ])("notice on %s is accepted: terminates and owes fees through %s", (noticeDate, end) => {
    const effect = dissolutionNoticeEffect(schedule, noticeDate);
    expect(effect).toMatchObject({
      accepted: true,
      terminationDate: end,
      lastFeeDay: end,
    });
    expect(isDissolutionWindowOpen(schedule, noticeDate)).toBe(true);
  });

  it.each([
    ["2024-12-31", "not_started", "2025-01-01"],
    ["2025-04-01", "outside_window", "2026-01-01"], // day 91 of the initial term
    ["2025-12-31", "outside_window", "2026-01-01"],
    ["2026-04-01", "outside_window", "2027-01-01"],
    ["2028-03-31", "outside_window", "2029-01-01"], // day 91 in leap year 2028
  ])("notice on %s is refused (%s); the next window opens %s", (noticeDate, code, nextWindowOpens) => {
    const effect = dissolutionNoticeEffect(schedule, noticeDate);
    expect(effect).toMatchObject({ accepted: false, code, nextWindowOpens });
    expect(isDissolutionWindowOpen(schedule, noticeDate)).toBe(false);
  });

  it("L 5.1 applies to the initial term that starts on 29 February", () => {
    const leap = productSchedule({
      startDate: "2024-02-29",
      initialTermMonths: 12,
    });
    expect(dissolutionNoticeEffect(leap, "2024-05-28")).toMatchObject({
      accepted: true,
      terminationDate: "2024-05-28",
    });
    expect(dissolutionNoticeEffect(leap, "2024-05-29")).toMatchObject({
      accepted: false,
      nextWindowOpens: "2025-02-28",
    });
    expect(dissolutionNoticeEffect(leap, "2025-05-28")).toMatchObject({
      accepted: true,
      terminationDate: "2025-05-28",
    });
  });
});
