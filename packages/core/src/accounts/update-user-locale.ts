import { z } from "zod";
import { appDb } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";

export const ZLocale = z.enum(["en", "nl", "da", "de"]);

/** The signed-in user's own UI language. */
export async function updateUserLocale(options: { actor: TUserPrincipal; input: { locale: string } }) {
  const locale = ZLocale.parse(options.input.locale);
  await appDb().user.update({ where: { id: options.actor.userId }, data: { locale } });
  return { locale };
}
