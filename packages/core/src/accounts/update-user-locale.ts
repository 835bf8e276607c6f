import { z } from "zod";
import { appDb } from "@forecourt/db";

export const ZLocale = z.enum(["en", "nl"]);

/** The signed-in user's own UI language. */
export async function updateUserLocale(options: { userId: string; input: { locale: string } }) {
  const locale = ZLocale.parse(options.input.locale);
  await appDb().user.update({ where: { id: options.userId }, data: { locale } });
  return { locale };
}
