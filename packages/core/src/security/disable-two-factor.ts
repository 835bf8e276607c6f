import { appDb } from "@forecourt/db";
import { decryptSecret } from "../crypto/secret-box";
import { ForbiddenError, RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";
import { ZTotpCode } from "./confirm-two-factor-enrolment";
import { verifyTotp } from "./totp";

/** Turns two-factor off (with a current code). Provider staff cannot: it is required for them. */
export async function disableTwoFactor(options: { actor: TUserPrincipal; code: string }) {
  if (options.actor.providerRole) throw new ForbiddenError("required_for_provider_staff");
  const code = ZTotpCode.parse(options.code);
  const user = await appDb().user.findUniqueOrThrow({ where: { id: options.actor.userId } });
  if (!user.totpEnabledAt || !user.totpSecretEncrypted) throw new RuleError("not_enabled");
  if (!verifyTotp(decryptSecret(user.totpSecretEncrypted), code)) throw new RuleError("wrong_code");
  await appDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecretEncrypted: null } });
  return { ok: true as const };
}
