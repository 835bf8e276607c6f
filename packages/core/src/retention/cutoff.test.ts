import { describe, expect, it } from "vitest";
import { previousDay, retentionCutoff, subtractMonths, utcDay } from "./cutoff";

describe("retention cutoff", () => {
  it("is 00:00 UTC of the same day N calendar months earlier", () => {
    expect(retentionCutoff(new Date("2026-11-21T03:15:00Z"), 18).toISOString()).toBe("2025-05-21T00:00:00.000Z");
  });

  it("clamps to the month's end", () => {
    expect(subtractMonths("2026-08-31", 6)).toBe("2026-02-28");
    expect(subtractMonths("2028-08-31", 6)).toBe("2028-02-29");
    expect(subtractMonths("2026-03-31", 1)).toBe("2026-02-28");
  });

  it("crosses years both ways", () => {
    expect(subtractMonths("2026-01-15", 1)).toBe("2025-12-15");
    expect(subtractMonths("2026-01-15", 25)).toBe("2023-12-15");
    expect(subtractMonths("2026-12-15", 12)).toBe("2025-12-15");
  });

  it("depends only on the day, so re-runs the same day agree", () => {
    expect(retentionCutoff(new Date("2026-11-21T00:00:00Z"), 18)).toEqual(
      retentionCutoff(new Date("2026-11-21T23:59:59.999Z"), 18),
    );
  });

  it("refuses a period below one month", () => {
    expect(() => retentionCutoff(new Date(), 0)).toThrow(RangeError);
  });

  it("knows days", () => {
    expect(utcDay(new Date("2026-03-01T10:00:00Z"))).toBe("2026-03-01");
    expect(previousDay("2026-03-01")).toBe("2026-02-28");
  });
});
