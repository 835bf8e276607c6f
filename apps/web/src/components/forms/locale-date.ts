/**
 * A calendar date typed the way the user's locale writes it (31-12-2026 in nl, 31.12.2026 in de,
 * 31/12/2026 in en-GB) and kept as ISO (2026-12-31). The browser's own date input follows the
 * browser's language, not the app's, so a Dutch agent in an English browser would get mm/dd/yyyy.
 */
type TPart = "day" | "month" | "year";

export function datePattern(locale: string): { order: TPart[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(
    new Date(Date.UTC(2026, 11, 31)),
  );
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: TPart } =>
    ["day", "month", "year"].includes(p.type),
  );
  const separator = parts.find((p) => p.type === "literal")?.value.trim() || "-";
  return { order: order.map((p) => p.type), separator };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-31" → "31-12-2026" in nl; anything that is not an ISO date is returned as it is. */
export function formatIsoDate(iso: string, locale: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const value: Record<TPart, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  const { order, separator } = datePattern(locale);
  return order.map((part) => value[part]).join(separator);
}

/** "31-12-2026" (nl) → "2026-12-31"; "" for empty; null when it is not a date of the calendar. */
export function parseLocaleDate(text: string, locale: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  if (ISO.test(trimmed)) return validIso(trimmed);
  const numbers = trimmed.split(/[^\d]+/).filter(Boolean);
  const { order } = datePattern(locale);
  if (numbers.length !== 3) return null;
  const value = Object.fromEntries(order.map((part, i) => [part, numbers[i]!])) as Record<TPart, string>;
  if (value.year.length !== 4 || value.month.length > 2 || value.day.length > 2) return null;
  return validIso(`${value.year}-${value.month.padStart(2, "0")}-${value.day.padStart(2, "0")}`);
}

function validIso(iso: string): string | null {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso : null;
}
