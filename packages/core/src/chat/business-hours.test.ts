import { describe, expect, it } from "vitest";
import { isOpen, nextOpening, parseBusinessHours, parseHolidays } from "./business-hours";

describe("business hours", () => {
  const hours = parseBusinessHours({ mon: [["09:00", "17:30"]], sat: [["10:00", "14:00"]] });

  it("is always open without hours", () => {
    expect(isOpen({ hours: {}, timeZone: "Europe/Amsterdam" }, new Date("2026-01-04T03:00:00Z"))).toBe(true);
  });

  it("reads the time in the dealer's zone", () => {
    // Monday 5 Jan 2026, 08:30 UTC = 09:30 in Amsterdam (CET, UTC+1)
    expect(isOpen({ hours: hours, timeZone: "Europe/Amsterdam" }, new Date("2026-01-05T08:30:00Z"))).toBe(true);
    expect(isOpen({ hours: hours, timeZone: "UTC" }, new Date("2026-01-05T08:30:00Z"))).toBe(false);
  });

  it("closes at the closing minute and on days without hours", () => {
    expect(isOpen({ hours: hours, timeZone: "UTC" }, new Date("2026-01-05T17:30:00Z"))).toBe(false);
    expect(isOpen({ hours: hours, timeZone: "UTC" }, new Date("2026-01-05T17:29:00Z"))).toBe(true);
    expect(isOpen({ hours: hours, timeZone: "UTC" }, new Date("2026-01-06T12:00:00Z"))).toBe(false);
  });

  it("treats unreadable hours as always open", () => {
    expect(parseBusinessHours({ mon: "nonsense" })).toEqual({});
  });
});

describe("schedules with holidays, across daylight-saving changes", () => {
  const weekdays = parseBusinessHours({
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [["09:00", "17:00"]],
    thu: [["09:00", "17:00"]],
    fri: [["09:00", "17:00"]],
  });

  it("Amsterdam: Friday evening before clocks go forward opens Monday 09:00 CEST (07:00 UTC)", () => {
    const schedule = { hours: weekdays, timeZone: "Europe/Amsterdam" };
    // Friday 27 March 2026 18:00 CET; DST starts Sunday 29 March.
    expect(nextOpening(schedule, new Date("2026-03-27T17:00:00Z"))?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // The Friday before, still in winter time: 09:00 CET is 08:00 UTC.
    expect(nextOpening(schedule, new Date("2026-03-20T05:00:00Z"))?.toISOString()).toBe("2026-03-20T08:00:00.000Z");
  });

  it("Copenhagen: the weekend clocks go back opens Monday 09:00 CET (08:00 UTC)", () => {
    const schedule = { hours: weekdays, timeZone: "Europe/Copenhagen" };
    // Saturday 24 October 2026, 20:00 CEST; DST ends Sunday 25 October.
    expect(nextOpening(schedule, new Date("2026-10-24T18:00:00Z"))?.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(isOpen(schedule, new Date("2026-10-26T07:30:00Z"))).toBe(false); // 08:30 CET
    expect(isOpen(schedule, new Date("2026-10-23T07:30:00Z"))).toBe(true); // 09:30 CEST
  });

  it("Berlin: holidays are closed all day and skipped by the next opening", () => {
    const holidays = parseHolidays([
      { date: "2026-12-25", name: "1. Weihnachtstag" },
      { date: "2026-12-28", name: "Inventur" },
    ]);
    const schedule = { hours: weekdays, holidays, timeZone: "Europe/Berlin" };
    expect(isOpen(schedule, new Date("2026-12-25T10:00:00Z"))).toBe(false); // a Friday, 11:00 local
    // Thursday 24 Dec 17:30 → Friday a holiday, weekend, Monday a holiday → Tuesday 29 Dec 09:00 CET.
    expect(nextOpening(schedule, new Date("2026-12-24T16:30:00Z"))?.toISOString()).toBe("2026-12-29T08:00:00.000Z");
  });

  it("London: the same 09:00 opening is 08:00 UTC in summer and 09:00 UTC in winter", () => {
    const schedule = { hours: weekdays, timeZone: "Europe/London" };
    expect(isOpen(schedule, new Date("2026-07-01T08:30:00Z"))).toBe(true);
    expect(isOpen(schedule, new Date("2026-01-07T08:30:00Z"))).toBe(false);
    expect(nextOpening(schedule, new Date("2026-01-07T08:30:00Z"))?.toISOString()).toBe("2026-01-07T09:00:00.000Z");
  });

  it("is null while open, and when no day has hours or every day is a holiday", () => {
    const schedule = { hours: weekdays, timeZone: "Europe/Amsterdam" };
    expect(nextOpening(schedule, new Date("2026-06-03T10:00:00Z"))).toBeNull();
    expect(nextOpening({ hours: {}, timeZone: "UTC" }, new Date())).toBeNull();
    const closedMonth = parseHolidays(
      Array.from({ length: 60 }, (_, i) => ({ date: new Date(Date.UTC(2026, 5, 1 + i)).toISOString().slice(0, 10) })),
    );
    expect(
      nextOpening({ hours: weekdays, holidays: closedMonth, timeZone: "UTC" }, new Date("2026-06-01T00:00:00Z")),
    ).toBeNull();
  });

  it("an opening inside the spring-forward gap moves to an existing minute after it", () => {
    const schedule = { hours: parseBusinessHours({ sun: [["02:30", "04:00"]] }), timeZone: "Europe/Amsterdam" };
    const opening = nextOpening(schedule, new Date("2026-03-28T12:00:00Z"))!;
    // 02:00–03:00 local does not exist on 29 March 2026; the opening is at or after 03:00 CEST (01:00 UTC).
    expect(opening.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-03-29T01:00:00Z"));
    expect(opening.getTime()).toBeLessThan(Date.parse("2026-03-29T02:00:00Z"));
  });
});
