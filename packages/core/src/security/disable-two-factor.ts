import { appDb } from "@forecourt/db";
import { ForbiddenError, RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";
import { ZTotpCode } from "./confirm-two-factor-enrolment";
import { spendTotpCode } from "./spend-totp-code";
import { consumeTotpAttempt, refundTotpAttempt } from "./totp-attempt-limit";

/**
 * Turns two-factor off (with a current code). Provider staff cannot: it is required for them.
 * No session of the user counts as two-factor any more (`twoFactorVerifiedAt` cleared).
 */
export async function disableTwoFactor(options: { actor: TUserPrincipal; code: string }) {
  if (options.actor.providerRole) throw new ForbiddenError("required_for_provider_staff");
  const code = ZTotpCode.parse(options.code);
  const user = await appDb().user.findUniqueOrThrow({ where: { id: options.actor.userId } });
  if (!user.totpEnabledAt || !user.totpSecretEncrypted) throw new RuleError("not_enabled");
  await consumeTotpAttempt(user.id);
  if (!(await spendTotpCode(user, code))) throw new RuleError("wrong_code");
  await refundTotpAttempt(user.id);
  await appDb().$transaction([
    appDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: null, totpSecretEncrypted: null } }),
    appDb().userSession.updateMany({ where: { userId: user.id }, data: { twoFactorVerifiedAt: null } }),
    appDb().twoFactorRecoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  return { ok: true as const };
}
