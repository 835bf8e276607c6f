import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentSession } from "@/server/session";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "./locales";

/** The signed-in user's own language; before sign-in, the cookie or the browser's language. */
export default getRequestConfig(async () => {
  const session = await getCurrentSession();
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale =
    session?.user.locale ??
    (isLocale(cookie) ? cookie : null) ??
    localeFromAcceptLanguage((await headers()).get("accept-language")) ??
    DEFAULT_LOCALE;
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
