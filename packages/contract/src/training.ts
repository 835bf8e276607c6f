import { parseIsoDate, toEpochDay } from "./dates";

/** T 5.10: a training day cancelled less than 72 hours before it starts is still charged. */
export const TRAINING_FREE_CANCELLATION_HOURS = 72;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

// An instant must carry its offset ("Z" or ±HH:MM): a bare local time is ambiguous.
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Milliseconds since 1970-01-01T00:00Z for an ISO 8601 instant with an offset (T 5.10
 * counts hours, so training times are instants, not calendar dates), e.g.
 * `2025-03-28T09:00:00+01:00` or `2025-03-28T08:00Z`. Parsed by hand (not `Date.parse`)
 * so impossible values such as 2025-02-30 or 24:00 are refused rather than rolled over.
 * @throws RangeError for anything else, including a time without an offset.
 */
export function parseInstant(value: string, label = "instant"): number {
  const match = INSTANT_PATTERN.exec(value);
  if (!match) {
    throw new RangeError(
      `Invalid ${label} "${value}": expected an ISO 8601 time with an offset, e.g. 2025-03-28T09:00:00+01:00`,
    );
  }
  const [, date = "", hh, mm, ss = "0", fraction = "0", zulu, sign, offH = "0", offM = "0"] = match;
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  const [offsetHours, offsetMinutes] = [Number(offH), Number(offM)];
  if (hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59) {
    throw new RangeError(`Invalid ${label} "${value}": time or offset out of range`);
  }
  parseIsoDate(date, label);
  const offsetMs = zulu ? 0 : (sign === "-" ? -1 : 1) * (offsetHours * MS_PER_HOUR + offsetMinutes * MS_PER_MINUTE);
  const localMs =
    toEpochDay(date) * MS_PER_DAY +
    hours * MS_PER_HOUR +
    minutes * MS_PER_MINUTE +
    seconds * 1000 +
    Number(fraction.padEnd(3, "0"));
  return localMs - offsetMs;
}

/**
 * Whether cancelling a training day at `cancelledAt` is still charged (T 5.10): yes when
 * less than 72 hours remain before `trainingStartsAt` (or it has already started); exactly
 * 72 hours before is free.
 *
 * 72 hours means elapsed time (259,200,000 ms), not three calendar days: across a
 * daylight-saving change the wall clock differs by an hour. Both arguments are ISO 8601
 * instants with an offset.
 */
export function isTrainingCancellationCharged(input: { trainingStartsAt: string; cancelledAt: string }): boolean {
  const startsAt = parseInstant(input.trainingStartsAt, "trainingStartsAt");
  const cancelledAt = parseInstant(input.cancelledAt, "cancelledAt");
  return startsAt - cancelledAt < TRAINING_FREE_CANCELLATION_HOURS * MS_PER_HOUR;
}

/**
 * The last instant a training day can be cancelled free of charge (T 5.10): exactly 72
 * hours before it starts, as a UTC ISO 8601 string.
 */
export function latestFreeTrainingCancellation(trainingStartsAt: string): string {
  const startsAt = parseInstant(trainingStartsAt, "trainingStartsAt");
  // Only formatting a UTC instant here: no local-time field of the Date is read.
  return new Date(startsAt - TRAINING_FREE_CANCELLATION_HOURS * MS_PER_HOUR).toISOString();
}
