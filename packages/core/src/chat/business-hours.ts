import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { WEEKDAYS, ZBusinessHours, ZHolidays, type TBusinessHours, type THolidays } from "@forecourt/protocol";

/** Parses stored business hours; anything unreadable counts as "always open" (never locks visitors out). */
export function parseBusinessHours(value: unknown): TBusinessHours {
  const result = ZBusinessHours.safeParse(value ?? {});
  return result.success ? result.data : {};
}

/** Parses stored holidays; anything unreadable counts as none. */
export function parseHolidays(value: unknown): THolidays {
  const result = ZHolidays.safeParse(value ?? []);
  return result.success ? result.data : [];
}

/** A dealer's (or a department's) opening schedule: weekly hours, holidays, the IANA zone they are in. */
export type TSchedule = { hours: TBusinessHours; holidays?: THolidays; timeZone: string };

// date-fns getDay(): 0 = Sunday; WEEKDAYS starts on Monday.
const weekdayOf = (local: Date) => WEEKDAYS[(local.getDay() + 6) % 7]!;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const isHoliday = (schedule: TSchedule, local: Date) =>
  (schedule.holidays ?? []).some((h) => h.date === format(local, "yyyy-MM-dd"));
const alwaysOpen = (schedule: TSchedule) => Object.keys(schedule.hours).length === 0;

/**
 * Whether the schedule is open at `at`, read on the wall clock of its time zone (so a 09:00
 * opening stays 09:00 across daylight-saving changes). No hours configured: always open;
 * a holiday is closed all day.
 */
export function isOpen(schedule: TSchedule, at: Date): boolean {
  if (alwaysOpen(schedule)) return true;
  const local = new TZDate(at, schedule.timeZone);
  if (isHoliday(schedule, local)) return false;
  const now = local.getHours() * 60 + local.getMinutes();
  return (schedule.hours[weekdayOf(local)] ?? []).some(([o, c]) => now >= minutesOf(o) && now < minutesOf(c));
}

/**
 * The next moment the schedule opens after `at` (null when it is open now, or never opens in the
 * next 60 days: no hours on any day). An opening that falls into a daylight-saving gap (02:30 on
 * the night clocks go forward) moves to the first existing minute after it.
 */
export function nextOpening(schedule: TSchedule, at: Date): Date | null {
  if (isOpen(schedule, at)) return null;
  const start = new TZDate(at, schedule.timeZone);
  for (let i = 0; i < 60; i += 1) {
    const day = addDays(new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), schedule.timeZone), i);
    if (isHoliday(schedule, day)) continue;
    const intervals = [...(schedule.hours[weekdayOf(day)] ?? [])].sort(([a], [b]) => minutesOf(a) - minutesOf(b));
    for (const [open] of intervals) {
      const m = minutesOf(open);
      const opening = new TZDate(
        day.getFullYear(),
        day.getMonth(),
        day.getDate(),
        Math.floor(m / 60),
        m % 60,
        schedule.timeZone,
      );
      if (opening.getTime() > at.getTime()) return new Date(opening.getTime());
    }
  }
  return null;
}
