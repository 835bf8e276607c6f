import { appDb } from "@forecourt/db";
import { RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";
import { ZTotpCode } from "./confirm-two-factor-enrolment";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { spendTotpCode } from "./spend-totp-code";
import { consumeTotpAttempt, refundTotpAttempt } from "./totp-attempt-limit";

/** A new set of recovery codes (the old ones stop working), with a current authenticator code. */
export async function regenerateRecoveryCodes(options: { actor: TUserPrincipal; code: string }) {
  const code = ZTotpCode.parse(options.code);
  const user = await appDb().user.findUniqueOrThrow({ where: { id: options.actor.userId } });
  if (!user.totpEnabledAt || !user.totpSecretEncrypted) throw new RuleError("not_enabled");
  await consumeTotpAttempt(user.id);
  if (!(await spendTotpCode(user, code))) throw new RuleError("wrong_code");
  await refundTotpAttempt(user.id);
  const recoveryCodes = await appDb().$transaction((tx) => replaceRecoveryCodes(tx, user.id));
  return { ok: true as const, recoveryCodes };
}

/** How many unused recovery codes the user has left (shown in Settings → Two-factor). */
export async function countRecoveryCodesLeft(userId: string): Promise<number> {
  return appDb().twoFactorRecoveryCode.count({ where: { userId, usedAt: null } });
}
