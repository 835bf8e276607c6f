import { describe, expect, it } from "vitest";
import {
  alignSchedules,
  initialTermEndDate,
  ordinaryNoticeDeadline,
  productSchedule,
  renewalDate,
  renewalTerm,
  termInForce,
  type Schedule,
  type Term,
} from "./schedule";

describe("L definition 7: an initial term of N months starting S ends on S + N months − 1 day", () => {
  it.each([
    ["2025-01-01", 12, "2025-12-31"],
    ["2025-01-15", 12, "2026-01-14"],
    ["2025-01-01", 36, "2027-12-31"],
    ["2024-02-29", 12, "2025-02-27"], // 29 Feb + 12 months = 28 Feb 2025
    ["2024-02-29", 48, "2028-02-28"], // 29 Feb + 48 months = 29 Feb 2028
    ["2025-03-01", 12, "2026-02-28"],
    ["2027-03-01", 12, "2028-02-29"],
    ["2025-01-31", 1, "2025-02-27"], // 31 Jan + 1 month = 28 Feb
    ["2024-01-31", 1, "2024-02-28"], // 31 Jan + 1 month = 29 Feb (leap)
    ["2025-03-31", 11, "2026-02-27"],
  ])("start %s, %i months → ends %s", (start, months, expected) => {
    expect(initialTermEndDate(start, months)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])("refuses a term of %s months", (months) => {
    expect(() => initialTermEndDate("2025-01-01", months)).toThrow(RangeError);
  });
});

describe("T 5.1 / T 5.2: alignment and renewal", () => {
  it("T 5.1 aligns every subscription on the end of the last to go live; T 5.2 renews for the longest term", () => {
    const schedules = alignSchedules([
      { startDate: "2025-01-15", initialTermMonths: 12 }, // own end 2026-01-14
      { startDate: "2025-03-01", initialTermMonths: 24 }, // own end 2027-02-28
    ]);
    expect(schedules).toEqual([
      {
        startDate: "2025-01-15",
        initialTermEndDate: "2027-02-28",
        renewalTermMonths: 24,
      },
      {
        startDate: "2025-03-01",
        initialTermEndDate: "2027-02-28",
        renewalTermMonths: 24,
      },
    ]);
    expect(renewalDate(schedules[0] as Schedule)).toBe("2027-03-01");
  });

  it("T 5.1 / L definition 7: a term is extended to align, never shortened", () => {
    const [first, last] = alignSchedules([
      { startDate: "2025-01-01", initialTermMonths: 36 }, // own end 2027-12-31
      { startDate: "2025-06-01", initialTermMonths: 12 }, // last to go live, own end 2026-05-31
    ]);
    expect(first?.initialTermEndDate).toBe("2027-12-31");
    expect(last?.initialTermEndDate).toBe("2027-12-31");
    expect(last?.renewalTermMonths).toBe(36);
  });

  it("T 5.1 needs at least one subscription", () => {
    expect(() => alignSchedules([])).toThrow(RangeError);
  });

  it("T 5.2 counts every renewal from the renewal date, so month ends do not drift", () => {
    // 31 Dec 2024 + 1 month − 1 day = 30 Jan 2025; renewal date 31 Jan 2025, monthly renewals.
    const schedule = productSchedule({
      startDate: "2024-12-31",
      initialTermMonths: 1,
    });
    expect(renewalDate(schedule)).toBe("2025-01-31");
    expect(renewalTerm(schedule, 1)).toMatchObject({
      startDate: "2025-01-31",
      endDate: "2025-02-27",
    });
    expect(renewalTerm(schedule, 2)).toMatchObject({
      startDate: "2025-02-28",
      endDate: "2025-03-30",
    });
    expect(renewalTerm(schedule, 3)).toMatchObject({
      startDate: "2025-03-31",
      endDate: "2025-04-29",
    });
  });

  it("T 5.2 refuses renewal number 0", () => {
    const schedule = productSchedule({
      startDate: "2025-01-01",
      initialTermMonths: 12,
    });
    expect(() => renewalTerm(schedule, 0)).toThrow(RangeError);
  });
});

describe("T 5.1 / T 5.2: the term in force on a day", () => {
  const january = productSchedule({
    startDate: "2025-01-15",
    initialTermMonths: 12,
  });
  const initial: Term = {
    kind: "initial",
    renewalNumber: 0,
    startDate: "2025-01-15",
    endDate: "2026-01-14",
  };
  const renewal = (n: number, startDate: string, endDate: string): Term => ({
    kind: "renewal",
    renewalNumber: n,
    startDate,
    endDate,
  });

  it.each([
    ["2025-01-14", null],
    ["2025-01-15", initial], // first day
    ["2026-01-14", initial], // last day of the initial term
    ["2026-01-15", renewal(1, "2026-01-15", "2027-01-14")], // renewal date
    ["2027-01-14", renewal(1, "2026-01-15", "2027-01-14")],
    ["2027-01-15", renewal(2, "2027-01-15", "2028-01-14")],
    ["2028-02-29", renewal(3, "2028-01-15", "2029-01-14")],
    ["2030-06-01", renewal(5, "2030-01-15", "2031-01-14")],
  ])("start 2025-01-15, 12 months: on %s → %o", (day, expected) => {
    expect(termInForce(january, day)).toEqual(expected);
  });

  const leap = productSchedule({
    startDate: "2024-02-29",
    initialTermMonths: 12,
  });
  it.each([
    ["2024-02-28", null],
    [
      "2024-02-29",
      {
        kind: "initial",
        renewalNumber: 0,
        startDate: "2024-02-29",
        endDate: "2025-02-27",
      },
    ],
    [
      "2025-02-27",
      {
        kind: "initial",
        renewalNumber: 0,
        startDate: "2024-02-29",
        endDate: "2025-02-27",
      },
    ],
    ["2025-02-28", renewal(1, "2025-02-28", "2026-02-27")],
    ["2026-02-28", renewal(2, "2026-02-28", "2027-02-27")],
    ["2028-02-29", renewal(4, "2028-02-28", "2029-02-27")],
  ])("start 2024-02-29, 12 months: on %s → %o", (day, expected) => {
    expect(termInForce(leap, day)).toEqual(expected);
  });
});

describe("T 5.3: ordinary notice deadline = period end − 90 days", () => {
  it.each([
    ["2025-12-31", "2025-10-02"],
    ["2025-03-31", "2024-12-31"],
    ["2024-03-31", "2024-01-01"], // through 29 Feb 2024
    ["2026-02-28", "2025-11-30"],
  ])("a period ending %s → notice by %s", (endDate, expected) => {
    const term: Term = {
      kind: "renewal",
      renewalNumber: 1,
      startDate: "2020-01-01",
      endDate,
    };
    expect(ordinaryNoticeDeadline(term)).toBe(expected);
  });
});
