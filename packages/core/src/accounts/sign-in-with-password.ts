import { z } from "zod";
import { dummyPasswordHash, verifyPassword } from "@forecourt/auth";
import { appDb, withUser } from "@forecourt/db";
import { looksLikeRecoveryCode } from "../security/recovery-codes";
import { spendRecoveryCode } from "../security/spend-recovery-code";
import { spendTotpCode } from "../security/spend-totp-code";
import { customerSuspensionBlocks } from "./account-access";
import { consumeSignInAttempt, refundSignInAttempt, signInBlocked, type TSignInBlock } from "./sign-in-limits";

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
  ip: z.string().max(64),
  userAgent: z.string().max(512).nullable(),
  /** The two-factor code, when the account has TOTP enabled: six digits, or a recovery code. */
  totpCode: z.string().trim().max(16).optional(),
});
export type TSignInInput = z.input<typeof ZSignInInput>;

export const SESSION_LIFETIME_DAYS = 30;

export type TSignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "suspended" | "customer_suspended" | "totp_required" | "totp_invalid" }
  | { ok: false; reason: "rate_limited"; scope: "account" | "ip"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password (and the TOTP code, when enrolled) and opens a session (a
 * UserSession row that the session token names).
 *
 * Order matters for the limits: the persistent lock (User.lockedUntil) is read first, then one
 * attempt is spent in Redis per account and per IP, and only then are argon2 and TOTP run. So
 * a burst of parallel guesses gets at most the configured number verified; the rest are
 * refused unchecked. The right password gets its attempt back; a wrong password or code keeps
 * it spent, and the failure that uses up the account's last attempt sets the lock.
 */
export async function signInWithPassword(input: TSignInInput): Promise<TSignInResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, ip, userAgent, totpCode } = parsed.data;

  const user = await appDb().user.findUnique({ where: { email } });
  // The persistent lock (set by repeated failures; an administrator can clear it early).
  if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
    return { ok: false, reason: "rate_limited", scope: "account", retryAfterSeconds };
  }
  const blocked = await consumeSignInAttempt(email, ip);
  if (blocked) return { ok: false, reason: "rate_limited", ...blocked };

  const failed = async (reason: "invalid" | "totp_invalid"): Promise<TSignInResult> => {
    const nowBlocked = await signInBlocked(email, ip);
    if (!nowBlocked) return { ok: false, reason };
    if (user && nowBlocked.scope === "account") await lockUser(user.id, nowBlocked);
    return { ok: false, reason: "rate_limited", ...nowBlocked };
  };

  // Verify against a dummy hash when there is no such user: same work, same timing.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid) return failed("invalid");
  if (user.status !== "ACTIVE") {
    await refundSignInAttempt(email, ip);
    return { ok: false, reason: "suspended" };
  }
  let twoFactorVerifiedAt: Date | null = null;
  if (user.totpEnabledAt && user.totpSecretEncrypted) {
    if (!totpCode) {
      // The password was right and no code was tried: nothing was guessed.
      await refundSignInAttempt(email, ip);
      return { ok: false, reason: "totp_required" };
    }
    // A recovery code is spent like a TOTP code, under the same attempt limits.
    const spent = looksLikeRecoveryCode(totpCode)
      ? await spendRecoveryCode(user.id, totpCode)
      : await spendTotpCode(user, totpCode);
    if (!spent) return failed("totp_invalid");
    twoFactorVerifiedAt = new Date();
  }
  await refundSignInAttempt(email, ip);
  if (await customerSuspensionBlocks(user)) return { ok: false, reason: "customer_suspended" };

  const firstMembership = await withUser(user.id, (tx) =>
    tx.membership.findFirst({
      where: { userId: user.id, status: "ACTIVE" },
      orderBy: { createdAt: "asc" },
      select: { customerId: true },
    }),
  );
  const session = await appDb().userSession.create({
    data: {
      userId: user.id,
      activeCustomerId: firstMembership?.customerId ?? null,
      ip,
      userAgent,
      twoFactorVerifiedAt,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_DAYS * 86_400_000),
    },
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

async function lockUser(userId: string, block: TSignInBlock) {
  await appDb().user.update({
    where: { id: userId },
    data: { lockedUntil: new Date(Date.now() + block.retryAfterSeconds * 1000) },
  });
}
