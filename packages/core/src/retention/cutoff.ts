/**
 * Retention arithmetic (pure). L Annex A: conversations, messages, results and related metadata
 * "older than 18 months" are deleted.
 *
 * Interpretation (one place, so a lawyer can change it): the purge of calendar day D (UTC)
 * deletes what was created before 00:00 UTC of the day N calendar months before D, with the day
 * clamped to the month's end (31 Aug − 6 months = 28/29 Feb). A row created exactly at the
 * cutoff instant is kept; a contact who engaged at or after the cutoff has re-engaged.
 * Because the cutoff depends on the day only, every run on the same day uses the same cutoff
 * (re-runs and resumed runs are idempotent).
 */

/** The calendar day (UTC) of an instant, as YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** 00:00 UTC of a YYYY-MM-DD day. */
export function startOfUtcDay(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a day: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

/** `day` minus `months` calendar months, clamped to the month's end. */
export function subtractMonths(day: string, months: number): string {
  const start = startOfUtcDay(day);
  const y = start.getUTCFullYear();
  const m = start.getUTCMonth() - months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const d = Math.min(start.getUTCDate(), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, d)).toISOString().slice(0, 10);
}

/** The cutoff instant for a purge on `now`'s day: rows with createdAt < cutoff are deleted. */
export function retentionCutoff(now: Date, retentionMonths: number): Date {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 1) throw new RangeError("retentionMonths must be ≥ 1");
  return startOfUtcDay(subtractMonths(utcDay(now), retentionMonths));
}

/** The day before a YYYY-MM-DD day. */
export function previousDay(day: string): string {
  return new Date(startOfUtcDay(day).getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** Shortest and longest retention period an admin may choose, in months. */
export const RETENTION_MONTHS_MIN = 1;
export const RETENTION_MONTHS_MAX = 120;
export const RETENTION_MONTHS_DEFAULT = 18;
