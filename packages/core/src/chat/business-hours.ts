import { WEEKDAYS, ZBusinessHours, type TBusinessHours } from "@forecourt/protocol";

/** Parses stored business hours; anything unreadable counts as "always open" (never locks visitors out). */
export function parseBusinessHours(value: unknown): TBusinessHours {
  const result = ZBusinessHours.safeParse(value ?? {});
  return result.success ? result.data : {};
}

/** Whether the dealer is open at `at` in its time zone. No hours configured: always open. */
export function isOpenAt(hours: TBusinessHours, timeZone: string, at: Date): boolean {
  if (Object.keys(hours).length === 0) return true;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const weekday = parts
    .find((p) => p.type === "weekday")
    ?.value.toLowerCase()
    .slice(0, 3);
  const hh = parts.find((p) => p.type === "hour")?.value ?? "00";
  const mm = parts.find((p) => p.type === "minute")?.value ?? "00";
  const day = WEEKDAYS.find((d) => d === weekday);
  if (!day) return true;
  const now = `${hh}:${mm}`;
  return (hours[day] ?? []).some(([open, close]) => now >= open && now < close);
}
