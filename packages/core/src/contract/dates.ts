import { assertIsoDate, type IsoDate } from "@forecourt/contract";

/**
 * Interpretation (not in RULES.md): contract days are counted in the provider's time zone.
 * The apps read the clock once and turn the instant into a calendar day here; the contract
 * logic only ever receives that day.
 */
export const CONTRACT_TIME_ZONE = "Europe/Amsterdam";

/** The calendar day of `instant` in the contract time zone, as `YYYY-MM-DD`. */
export function calendarDay(instant: Date, timeZone: string = CONTRACT_TIME_ZONE): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    instant,
  );
}

/** A Postgres `date` column as Prisma returns it (UTC midnight) → `YYYY-MM-DD`. */
export function toIsoDate(value: Date): IsoDate;
export function toIsoDate(value: Date | null | undefined): IsoDate | null;
export function toIsoDate(value: Date | null | undefined): IsoDate | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

/** `YYYY-MM-DD` → the Date Prisma writes to a `date` column. */
export function fromIsoDate(value: IsoDate): Date;
export function fromIsoDate(value: IsoDate | null | undefined): Date | null;
export function fromIsoDate(value: IsoDate | null | undefined): Date | null {
  return value ? new Date(`${assertIsoDate(value)}T00:00:00.000Z`) : null;
}
