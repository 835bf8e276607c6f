import { describe, expect, it } from "vitest";
import { snoozePresetTime, snoozeUntilProblem } from "./snooze-times";

const at = (iso: string) => new Date(iso);

describe("snooze presets in the dealer's time zone", () => {
  it("tomorrow is 09:00 at the dealer, whatever the server's zone", () => {
    // 22:30 in Amsterdam (CET, UTC+1) on Tue 1 Dec 2026 → Wed 2 Dec 09:00 CET = 08:00 UTC.
    expect(snoozePresetTime("tomorrow", "Europe/Amsterdam", at("2026-12-01T21:30:00Z")).toISOString()).toBe(
      "2026-12-02T08:00:00.000Z",
    );
    // London (GMT, UTC+0): 21:30 Tue → Wed 09:00 GMT = 09:00 UTC.
    expect(snoozePresetTime("tomorrow", "Europe/London", at("2026-12-01T21:30:00Z")).toISOString()).toBe(
      "2026-12-02T09:00:00.000Z",
    );
  });

  it("lands on 09:00 wall-clock across the spring DST change (Copenhagen, 29 March 2026)", () => {
    // Sat 28 Mar 2026 12:00 CET (UTC+1) → Sun 29 Mar 09:00 CEST (UTC+2) = 07:00 UTC.
    expect(snoozePresetTime("tomorrow", "Europe/Copenhagen", at("2026-03-28T11:00:00Z")).toISOString()).toBe(
      "2026-03-29T07:00:00.000Z",
    );
  });

  it("lands on 09:00 wall-clock across the autumn DST change (Berlin, 25 October 2026)", () => {
    // Sat 24 Oct 2026 12:00 CEST (UTC+2) → Sun 25 Oct 09:00 CET (UTC+1) = 08:00 UTC.
    expect(snoozePresetTime("tomorrow", "Europe/Berlin", at("2026-10-24T10:00:00Z")).toISOString()).toBe(
      "2026-10-25T08:00:00.000Z",
    );
  });

  it("next week is the coming Monday 09:00; on a Monday it is the Monday after", () => {
    // Wed 2 Dec 2026 → Mon 7 Dec 09:00 CET = 08:00 UTC.
    expect(snoozePresetTime("next_week", "Europe/Amsterdam", at("2026-12-02T10:00:00Z")).toISOString()).toBe(
      "2026-12-07T08:00:00.000Z",
    );
    // Mon 7 Dec 2026 10:00 CET → Mon 14 Dec 09:00 CET.
    expect(snoozePresetTime("next_week", "Europe/Amsterdam", at("2026-12-07T09:00:00Z")).toISOString()).toBe(
      "2026-12-14T08:00:00.000Z",
    );
  });

  it("later today is three hours on", () => {
    expect(snoozePresetTime("later_today", "Europe/Amsterdam", at("2026-12-02T10:00:00Z")).toISOString()).toBe(
      "2026-12-02T13:00:00.000Z",
    );
  });

  it("refuses a time in the past, too soon or more than a year ahead", () => {
    const now = at("2026-12-02T10:00:00Z");
    expect(snoozeUntilProblem(at("2026-12-02T09:00:00Z"), now)).toMatch(/future/);
    expect(snoozeUntilProblem(at("2026-12-02T10:00:30Z"), now)).toMatch(/future/);
    expect(snoozeUntilProblem(at("2028-01-01T00:00:00Z"), now)).toMatch(/within a year/);
    expect(snoozeUntilProblem(at("2026-12-03T08:00:00Z"), now)).toBeNull();
  });
});
