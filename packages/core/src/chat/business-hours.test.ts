import { describe, expect, it } from "vitest";
import { isOpenAt, parseBusinessHours } from "./business-hours";

describe("business hours", () => {
  const hours = parseBusinessHours({ mon: [["09:00", "17:30"]], sat: [["10:00", "14:00"]] });

  it("is always open without hours", () => {
    expect(isOpenAt({}, "Europe/Amsterdam", new Date("2026-01-04T03:00:00Z"))).toBe(true);
  });

  it("reads the time in the dealer's zone", () => {
    // Monday 5 Jan 2026, 08:30 UTC = 09:30 in Amsterdam (CET, UTC+1)
    expect(isOpenAt(hours, "Europe/Amsterdam", new Date("2026-01-05T08:30:00Z"))).toBe(true);
    expect(isOpenAt(hours, "UTC", new Date("2026-01-05T08:30:00Z"))).toBe(false);
  });

  it("closes at the closing minute and on days without hours", () => {
    expect(isOpenAt(hours, "UTC", new Date("2026-01-05T17:30:00Z"))).toBe(false);
    expect(isOpenAt(hours, "UTC", new Date("2026-01-05T17:29:00Z"))).toBe(true);
    expect(isOpenAt(hours, "UTC", new Date("2026-01-06T12:00:00Z"))).toBe(false);
  });

  it("treats unreadable hours as always open", () => {
    expect(parseBusinessHours({ mon: "nonsense" })).toEqual({});
  });
});
