import { z } from "zod";
import { appDb } from "@forecourt/db";
import { decryptSecret } from "../crypto/secret-box";
import { RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";
import { verifyTotp } from "./totp";

export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

/** Turns two-factor on once the user proves their authenticator shows the right code. */
export async function confirmTwoFactorEnrolment(options: { actor: TUserPrincipal; code: string }) {
  const code = ZTotpCode.parse(options.code);
  const user = await appDb().user.findUniqueOrThrow({ where: { id: options.actor.userId } });
  if (user.totpEnabledAt) throw new RuleError("already_enabled");
  if (!user.totpSecretEncrypted) throw new RuleError("not_started");
  if (!verifyTotp(decryptSecret(user.totpSecretEncrypted), code)) throw new RuleError("wrong_code");
  await appDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  return { ok: true as const };
}
