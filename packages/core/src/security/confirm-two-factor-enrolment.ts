import { z } from "zod";
import { appDb } from "@forecourt/db";
import { RuleError } from "../errors";
import type { TUserPrincipal } from "../principal";
import { revokeAllSessionsOfUser } from "../accounts/revoke-sessions";
import { replaceRecoveryCodes } from "./replace-recovery-codes";
import { spendTotpCode } from "./spend-totp-code";
import { consumeTotpAttempt, refundTotpAttempt } from "./totp-attempt-limit";

export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/);

/**
 * Turns two-factor on once the user proves their authenticator shows the right code. The
 * session that did it has passed two-factor (`twoFactorVerifiedAt`); every OTHER session of
 * the user ends, since it was opened with the password alone (whoever holds one must sign in
 * again, now with a code). It also issues the first set of recovery codes.
 */
export async function confirmTwoFactorEnrolment(options: { actor: TUserPrincipal; code: string }) {
  const { actor } = options;
  const code = ZTotpCode.parse(options.code);
  const user = await appDb().user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (user.totpEnabledAt) throw new RuleError("already_enabled");
  if (!user.totpSecretEncrypted) throw new RuleError("not_started");
  await consumeTotpAttempt(user.id);
  if (!(await spendTotpCode(user, code))) throw new RuleError("wrong_code");
  await refundTotpAttempt(user.id);

  const now = new Date();
  const recoveryCodes = await appDb().$transaction(async (tx) => {
    // Conditional, so two racing confirmations enable (and revoke) once.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpSecretEncrypted: user.totpSecretEncrypted },
      data: { totpEnabledAt: now },
    });
    if (count === 0) return null;
    if (actor.sessionId) {
      await tx.userSession.updateMany({
        where: { id: actor.sessionId, userId: user.id, revokedAt: null },
        data: { twoFactorVerifiedAt: now },
      });
    }
    return replaceRecoveryCodes(tx, user.id);
  });
  if (!recoveryCodes) throw new RuleError("already_enabled");
  await revokeAllSessionsOfUser(user.id, actor.sessionId ? { exceptSessionId: actor.sessionId } : {});
  // Shown once, right after enrolment: the way back in when the authenticator is lost.
  return { ok: true as const, recoveryCodes };
}
