import { TZDate } from "@date-fns/tz";
import { addDays, addHours, nextMonday, set } from "date-fns";
import { z } from "zod";

/*
 * When a snoozed conversation comes back. Presets are computed in the dealer's time zone (an
 * agent in Copenhagen snoozing "tomorrow" means 09:00 at the dealer, not at the server), with
 * date-fns' TZDate so DST changes land on the wall-clock time.
 */

export const SNOOZE_PRESETS = ["later_today", "tomorrow", "next_week"] as const;
export const ZSnoozePreset = z.enum(SNOOZE_PRESETS);
export type TSnoozePreset = z.infer<typeof ZSnoozePreset>;

/** The morning hour presets wake at, in the dealer's time zone. */
const MORNING = { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 };
/** A snooze shorter than this is a mistake (it would wake before the list even refreshed). */
export const MIN_SNOOZE_MS = 60_000;
/** Longer than this is a mistake too; close the conversation instead. */
export const MAX_SNOOZE_MS = 366 * 86_400_000;

/** The moment a preset wakes at, for a dealer in `timeZone` (IANA), seen from `now`. */
export function snoozePresetTime(preset: TSnoozePreset, timeZone: string, now = new Date()): Date {
  const local = new TZDate(now.getTime(), timeZone);
  switch (preset) {
    case "later_today":
      return new Date(addHours(local, 3).getTime());
    case "tomorrow":
      return new Date(set(addDays(local, 1), MORNING).getTime());
    case "next_week":
      return new Date(set(nextMonday(local), MORNING).getTime());
  }
}

/** Whether `until` is a sensible wake-up time (not past, not absurdly far). */
export function snoozeUntilProblem(until: Date, now = new Date()): string | null {
  const ms = until.getTime() - now.getTime();
  if (!Number.isFinite(ms)) return "Choose a valid time.";
  if (ms < MIN_SNOOZE_MS) return "Choose a time in the future.";
  if (ms > MAX_SNOOZE_MS) return "Choose a time within a year, or close the conversation.";
  return null;
}
