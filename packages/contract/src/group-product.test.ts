import { describe, expect, it } from "vitest";
import { dissolutionNoticeEffect } from "./dissolution";
import { addGroupProduct, GROUP_RESET_NEVER_SHORTENS_CURRENT_TERM } from "./group-product";
import { productSchedule, renewalDate, type Schedule } from "./schedule";

describe("T 5.6: a dealer group or OEM adding a product starts a new initial minimum period for all", () => {
  it("T 5.6: all products end on the new product's initial-term end", () => {
    const a = productSchedule({
      startDate: "2025-01-01",
      initialTermMonths: 12,
    }); // ends 2025-12-31
    const result = addGroupProduct([a], {
      startDate: "2025-06-01",
      initialTermMonths: 12,
    });
    const expected: Schedule = {
      startDate: "2025-06-01",
      initialTermEndDate: "2026-05-31",
      renewalTermMonths: 12,
    };
    expect(result).toEqual([expected, expected]);
    expect(renewalDate(result[0] as Schedule)).toBe("2026-06-01");
  });

  it("T 5.6 + L definition 7: an existing longer initial term is not cut short", () => {
    expect(GROUP_RESET_NEVER_SHORTENS_CURRENT_TERM).toBe(true);
    const a = productSchedule({
      startDate: "2025-01-01",
      initialTermMonths: 36,
    }); // ends 2027-12-31
    const [newA, b] = addGroupProduct([a], {
      startDate: "2025-06-01",
      initialTermMonths: 12,
    });
    expect(newA).toEqual({
      startDate: "2025-06-01",
      initialTermEndDate: "2027-12-31",
      renewalTermMonths: 36,
    });
    expect(b).toEqual(newA);
  });

  it("T 5.6 during a renewal term: the renewal is replaced by the new minimum period", () => {
    const a = productSchedule({
      startDate: "2023-01-01",
      initialTermMonths: 12,
    }); // renewal 2: 2025-01-01 … 2025-12-31
    const [newA] = addGroupProduct([a], {
      startDate: "2025-03-15",
      initialTermMonths: 24,
    });
    expect(newA).toEqual({
      startDate: "2025-03-15",
      initialTermEndDate: "2027-03-14",
      renewalTermMonths: 24,
    });
  });

  it("T 5.6 during a longer renewal term: it is not cut short", () => {
    const a = productSchedule({
      startDate: "2022-01-01",
      initialTermMonths: 36,
    }); // renewal 1: 2025-01-01 … 2027-12-31
    const [newA] = addGroupProduct([a], {
      startDate: "2025-03-01",
      initialTermMonths: 12,
    });
    expect(newA).toEqual({
      startDate: "2025-03-01",
      initialTermEndDate: "2027-12-31",
      renewalTermMonths: 36,
    });
  });

  it("T 5.6: a product not live yet keeps its own start date", () => {
    const a = productSchedule({
      startDate: "2025-09-01",
      initialTermMonths: 12,
    }); // ends 2026-08-31
    const [newA, b] = addGroupProduct([a], {
      startDate: "2025-06-01",
      initialTermMonths: 12,
    });
    expect(newA).toEqual({
      startDate: "2025-09-01",
      initialTermEndDate: "2026-08-31",
      renewalTermMonths: 12,
    });
    expect(b).toEqual({
      startDate: "2025-06-01",
      initialTermEndDate: "2026-08-31",
      renewalTermMonths: 12,
    });
  });

  it("T 5.6 with a 29 February start: the new period ends the day before 28 February", () => {
    const [b] = addGroupProduct([], {
      startDate: "2024-02-29",
      initialTermMonths: 12,
    });
    expect(b).toEqual({
      startDate: "2024-02-29",
      initialTermEndDate: "2025-02-27",
      renewalTermMonths: 12,
    });
  });

  it("T 5.6 + L 5.1: the new minimum period gives existing products a new dissolution window", () => {
    const a = productSchedule({
      startDate: "2025-01-01",
      initialTermMonths: 12,
    });
    const [newA] = addGroupProduct([a], {
      startDate: "2025-06-01",
      initialTermMonths: 12,
    });
    expect(dissolutionNoticeEffect(newA as Schedule, "2025-08-29")).toMatchObject({
      accepted: true,
      terminationDate: "2025-08-29", // 2025-06-01 + 89 days
    });
    expect(dissolutionNoticeEffect(newA as Schedule, "2025-08-30")).toMatchObject({ accepted: false });
  });
});
