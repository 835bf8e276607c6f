import { intlLocale } from "@/i18n/locales";

/** A contract day (`YYYY-MM-DD`, no time zone) for display, e.g. "7 Jun 2026" / "7 jun 2026". */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** An exact decimal amount in euros. Display only; arithmetic stays in packages/contract. */
export function formatEuro(amount: string, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency: "EUR" }).format(Number(amount));
}
