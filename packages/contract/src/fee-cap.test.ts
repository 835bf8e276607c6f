import { describe, expect, it } from "vitest";
import { checkFeeChange, feeInForce, yearlyRiseCap, type FeeHistoryEntry, type ProposedFeeChange } from "./fee-cap";

// Product start 2025-03-15: contract year 2 starts 2026-03-15, year 3 on 2027-03-15.
const START = "2025-03-15";
const initial: FeeHistoryEntry = {
  effectiveDate: START,
  monthlyFee: "1000.00",
  reason: "initial",
};
const riseYear2: FeeHistoryEntry = {
  effectiveDate: "2026-04-01",
  monthlyFee: "1050.00",
  reason: "yearly_rise",
};

function check(history: FeeHistoryEntry[], proposed: ProposedFeeChange, productStartDate = START) {
  return checkFeeChange({ history, productStartDate, proposed });
}

describe("T 4.4: the yearly rise cap is 5 % of the fee in force, rounded down to the cent", () => {
  it.each([
    ["1000.00", "1050.00"],
    ["10.10", "10.60"], // 10.605: half-up would allow 10.61 (5.05 %)
    ["333.33", "349.99"], // 349.9965
    ["99.99", "104.98"], // 104.9895
    ["0.00", "0.00"],
  ])("fee %s → at most %s", (fee, cap) => {
    expect(yearlyRiseCap(fee)).toBe(cap);
  });
});

describe("T 4.4: no rise in contract year 1", () => {
  it.each([
    ["2025-04-01"],
    ["2026-01-01"],
    ["2026-03-01"], // a 1st in year 1: takes effect that day, still year 1
  ])("a yearly rise requested for %s is refused; earliest 2026-04-01", (date) => {
    expect(check([initial], { date, amount: "1050.00", reason: "yearly_rise" })).toEqual({
      allowed: false,
      reason: {
        code: "first_contract_year",
        message: expect.stringContaining("2026-04-01"),
      },
      effectiveDate: "2026-04-01",
      feeInForce: "1000.00",
      maxAllowed: "1050.00",
    });
  });

  it("a rise requested on the last day of year 1 takes effect on the next 1st, in year 2", () => {
    expect(
      check([initial], {
        date: "2026-03-14",
        amount: "1050.00",
        reason: "yearly_rise",
      }),
    ).toEqual({
      allowed: true,
      effectiveDate: "2026-04-01",
      feeInForce: "1000.00",
      maxAllowed: "1050.00",
    });
  });

  it("a documented cost increase is refused in year 1 too", () => {
    const decision = check([initial], {
      date: "2025-09-01",
      amount: "1200.00",
      reason: "documented_cost_increase",
      evidenceReference: "COST-2025-07",
    });
    expect(decision).toMatchObject({
      allowed: false,
      reason: { code: "first_contract_year" },
    });
  });

  it.each([
    // [start, requested, allowed, effective date]
    ["2024-02-29", "2025-02-01", false, "2025-03-01"], // year 2 starts 2025-02-28
    ["2024-02-29", "2025-02-28", true, "2025-03-01"],
    ["2025-04-01", "2026-04-01", true, "2026-04-01"], // start on a 1st: the rise can start on year 2's first day
    ["2025-04-01", "2026-03-31", true, "2026-04-01"],
    ["2025-04-01", "2026-03-01", false, "2026-04-01"],
  ])("start %s, rise requested %s → allowed %s, effective %s", (start, date, allowed, effectiveDate) => {
    const history: FeeHistoryEntry[] = [{ effectiveDate: start, monthlyFee: "200.00", reason: "initial" }];
    expect(check(history, { date, amount: "210.00", reason: "yearly_rise" }, start)).toMatchObject({
      allowed,
      effectiveDate,
    });
  });
});

describe("T 4.4: at most 5 % above the fee in force", () => {
  it.each([
    ["1050.00", true],
    ["1000.01", true],
    ["1050.01", false],
    ["1100.00", false],
  ])("year 2 rise from 1000.00 to %s → allowed %s", (amount, allowed) => {
    const decision = check([initial], {
      date: "2026-04-01",
      amount,
      reason: "yearly_rise",
    });
    expect(decision).toMatchObject({
      allowed,
      effectiveDate: "2026-04-01",
      maxAllowed: "1050.00",
    });
    if (!decision.allowed) expect(decision.reason.code).toBe("above_cap");
  });

  it.each(["1000.00", "999.99"])("a 'rise' to %s is not a rise", (amount) => {
    expect(check([initial], { date: "2026-04-01", amount, reason: "yearly_rise" })).toMatchObject({
      allowed: false,
      reason: { code: "not_a_rise" },
    });
  });

  it("the cap is 5 % of the fee then in force, including an ordered-services change", () => {
    const history: FeeHistoryEntry[] = [
      initial,
      {
        effectiveDate: "2025-06-01",
        monthlyFee: "1200.00",
        reason: "ordered_services",
      },
    ];
    expect(
      check(history, {
        date: "2026-04-01",
        amount: "1260.00",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: true,
      feeInForce: "1200.00",
      maxAllowed: "1260.00",
    });
  });
});

describe("T 4.4: one capped rise per contract year, not carried over", () => {
  it("a second rise in year 2 is refused; the earliest next rise is 2027-04-01", () => {
    expect(
      check([initial, riseYear2], {
        date: "2027-01-01",
        amount: "1060.00",
        reason: "yearly_rise",
      }),
    ).toEqual({
      allowed: false,
      reason: {
        code: "already_raised_this_contract_year",
        message: expect.stringContaining("2027-04-01"),
      },
      effectiveDate: "2027-04-01",
      feeInForce: "1050.00",
      maxAllowed: "1102.50",
    });
  });

  it("a rise on 2027-03-01 is still in year 2 (until 2027-03-14)", () => {
    expect(
      check([initial, riseYear2], {
        date: "2027-03-01",
        amount: "1060.00",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: false,
      reason: { code: "already_raised_this_contract_year" },
    });
  });

  it("year 3 allows 5 % on the raised fee", () => {
    expect(
      check([initial, riseYear2], {
        date: "2027-04-01",
        amount: "1102.50",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: true,
      effectiveDate: "2027-04-01",
      maxAllowed: "1102.50",
    });
  });

  it("an unused year-2 rise does not allow 10.25 % in year 3", () => {
    expect(
      check([initial], {
        date: "2027-04-01",
        amount: "1102.50",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: false,
      reason: { code: "above_cap" },
      maxAllowed: "1050.00",
    });
  });

  it("a documented cost increase uses up the year's rise", () => {
    const history: FeeHistoryEntry[] = [
      initial,
      {
        effectiveDate: "2026-05-01",
        monthlyFee: "1150.00",
        reason: "documented_cost_increase",
        evidenceReference: "X",
      },
    ];
    expect(
      check(history, {
        date: "2026-09-01",
        amount: "1160.00",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: false,
      reason: { code: "already_raised_this_contract_year" },
    });
  });

  it("an ordered-services change does not use up the year's rise", () => {
    const history: FeeHistoryEntry[] = [
      initial,
      {
        effectiveDate: "2026-05-01",
        monthlyFee: "1100.00",
        reason: "ordered_services",
      },
    ];
    expect(
      check(history, {
        date: "2026-09-01",
        amount: "1155.00",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: true,
      effectiveDate: "2026-09-01",
      maxAllowed: "1155.00",
    });
  });
});

describe("T 4.4: a rise above 5 % needs a documented cost increase with evidence", () => {
  it.each([undefined, "", "   "])("is refused without an evidence reference (%j)", (evidenceReference) => {
    const proposed: ProposedFeeChange = {
      date: "2026-04-01",
      amount: "1200.00",
      reason: "documented_cost_increase",
    };
    if (evidenceReference !== undefined) proposed.evidenceReference = evidenceReference;
    expect(check([initial], proposed)).toMatchObject({
      allowed: false,
      reason: { code: "evidence_required" },
      maxAllowed: "1050.00",
    });
  });

  it("is allowed with an evidence reference, with no cap", () => {
    expect(
      check([initial], {
        date: "2026-04-01",
        amount: "1200.00",
        reason: "documented_cost_increase",
        evidenceReference: "COST-2026-02",
      }),
    ).toEqual({
      allowed: true,
      effectiveDate: "2026-04-01",
      feeInForce: "1000.00",
      maxAllowed: null,
    });
  });
});

describe("T 1.5 / T 4.4: ordered services and tier changes: any time, from the 1st of the following month", () => {
  it.each([
    ["ordered_services", "2025-05-10", "1200.00", "2025-06-01"], // during year 1
    ["ordered_services", "2025-03-15", "1500.00", "2025-04-01"], // on the start date
    ["tier_change", "2025-06-01", "1500.00", "2025-07-01"], // a change on the 1st: the month after
    ["tier_change", "2025-12-31", "800.00", "2026-01-01"], // a cheaper tier
    ["tier_change", "2028-02-29", "1300.00", "2028-03-01"],
  ] as const)("%s on %s to %s takes effect %s", (reason, date, amount, effectiveDate) => {
    expect(check([initial], { date, amount, reason })).toEqual({
      allowed: true,
      effectiveDate,
      feeInForce: "1000.00",
      maxAllowed: null,
    });
  });
});

describe("T 4.4: fee history", () => {
  it("refuses a change that would precede one already recorded", () => {
    const history: FeeHistoryEntry[] = [
      initial,
      {
        effectiveDate: "2026-06-01",
        monthlyFee: "1200.00",
        reason: "tier_change",
      },
    ];
    expect(
      check(history, {
        date: "2026-04-01",
        amount: "1050.00",
        reason: "yearly_rise",
      }),
    ).toMatchObject({
      allowed: false,
      reason: { code: "precedes_recorded_change" },
    });
  });

  it.each([
    ["2025-03-15", "1000.00"],
    ["2026-03-31", "1000.00"],
    ["2026-04-01", "1050.00"],
    ["2030-01-01", "1050.00"],
  ])("the fee in force on %s is %s", (day, fee) => {
    expect(feeInForce([riseYear2, initial], day)).toBe(fee);
  });

  it("refuses an empty history and a day before the first fee", () => {
    expect(() => feeInForce([], "2026-01-01")).toThrow(RangeError);
    expect(() => feeInForce([initial], "2025-03-14")).toThrow(RangeError);
    expect(() => check([], { date: "2026-04-01", amount: "1.00", reason: "yearly_rise" })).toThrow(RangeError);
  });
});
