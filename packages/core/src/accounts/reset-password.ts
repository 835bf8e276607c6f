import { z } from "zod";
import { hashPassword, passwordProblem, PASSWORD_MAX_LENGTH, type TPasswordProblem } from "@forecourt/auth";
import { appDb } from "@forecourt/db";
import { hashLinkToken } from "../crypto/secret-box";
import { revokeAllSessionsOfUser } from "./revoke-sessions";
import { clearAccountFailures } from "./sign-in-limits";

export const ZResetPassword = z.object({
  token: z.string().min(10).max(300),
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

export type TResetResult =
  | { ok: true; email: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "weak_password"; problem: TPasswordProblem };

/** Whether a reset link is still usable (the public page checks before showing the form). */
export async function checkPasswordResetToken(token: string): Promise<{ ok: true; email: string } | { ok: false }> {
  const row = await appDb().userToken.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!row || row.kind !== "PASSWORD_RESET" || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
    return { ok: false };
  }
  const user = await appDb().user.findUnique({ where: { id: row.userId } });
  if (!user || user.status !== "ACTIVE") return { ok: false };
  return { ok: true, email: user.email };
}

/**
 * Sets a new password from a reset link: single use (claimed atomically), clears the lock, and
 * ends every session of the user (whoever had the old password is out).
 */
export async function resetPassword(raw: z.input<typeof ZResetPassword>): Promise<TResetResult> {
  const input = ZResetPassword.parse(raw);
  const check = await checkPasswordResetToken(input.token);
  if (!check.ok) return { ok: false, reason: "invalid" };
  const problem = passwordProblem(input.password, { email: check.email });
  if (problem) return { ok: false, reason: "weak_password", problem };
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashLinkToken(input.token);
  const claimed = await appDb().userToken.updateMany({
    where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return { ok: false, reason: "invalid" };
  const row = await appDb().userToken.findUniqueOrThrow({ where: { tokenHash } });
  const user = await appDb().user.update({
    where: { id: row.userId },
    data: { passwordHash, lockedUntil: null },
  });
  await clearAccountFailures(user.email);
  await revokeAllSessionsOfUser(user.id);
  return { ok: true, email: user.email };
}
