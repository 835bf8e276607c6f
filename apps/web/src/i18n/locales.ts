export const LOCALES = ["en", "nl", "da", "de"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "en";
/** Remembers the language on the sign-in page, before anyone is signed in. */
export const LOCALE_COOKIE = "fc_locale";

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The first supported language in an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): TLocale | null {
  if (!header) return null;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return null;
}

const INTL_LOCALES: Record<TLocale, string> = { en: "en-GB", nl: "nl-NL", da: "da-DK", de: "de-DE" };

/** The Intl tag for dates and numbers in a UI language (British English when unknown). */
export function intlLocale(locale: string): string {
  return isLocale(locale) ? INTL_LOCALES[locale] : INTL_LOCALES.en;
}
