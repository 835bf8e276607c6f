import { z } from "zod";
import { dummyPasswordHash, verifyPassword } from "@forecourt/auth";
import { appDb, withUser } from "@forecourt/db";
import { decryptSecret } from "../crypto/secret-box";
import { verifyTotp } from "../security/totp";
import { customerSuspensionBlocks } from "./account-access";
import { clearAccountFailures, recordSignInFailure, signInBlocked, type TSignInBlock } from "./sign-in-limits";

export const ZSignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
  ip: z.string().max(64),
  userAgent: z.string().max(512).nullable(),
  /** The two-factor code, when the account has TOTP enabled. */
  totpCode: z.string().trim().max(16).optional(),
});
export type TSignInInput = z.input<typeof ZSignInInput>;

export const SESSION_LIFETIME_DAYS = 30;

export type TSignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" | "suspended" | "customer_suspended" | "totp_required" | "totp_invalid" }
  | { ok: false; reason: "rate_limited"; scope: "account" | "ip"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password and opens a session (a UserSession row that the session token
 * names). Refuses early when the account or IP has too many recent failures.
 */
export async function signInWithPassword(input: TSignInInput): Promise<TSignInResult> {
  const parsed = ZSignInInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password, ip, userAgent, totpCode } = parsed.data;

  const blocked = await signInBlocked(email, ip);
  if (blocked) return { ok: false, reason: "rate_limited", ...blocked };

  const user = await appDb().user.findUnique({ where: { email } });
  // Verify against a dummy hash when there is no such user: same work, same timing.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !user.passwordHash || !valid) {
    const nowBlocked = await recordSignInFailure(email, ip);
    if (nowBlocked && user) await lockUser(user.id, nowBlocked);
    return nowBlocked ? { ok: false, reason: "rate_limited", ...nowBlocked } : { ok: false, reason: "invalid" };
  }
  // The persistent lock (set by repeated failures; an administrator can clear it early).
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const retryAfterSeconds = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000);
    return { ok: false, reason: "rate_limited", scope: "account", retryAfterSeconds };
  }
  if (user.status !== "ACTIVE") return { ok: false, reason: "suspended" };
  if (user.totpEnabledAt && user.totpSecretEncrypted) {
    if (!totpCode) return { ok: false, reason: "totp_required" };
    if (!verifyTotp(decryptSecret(user.totpSecretEncrypted), totpCode)) {
      const nowBlocked = await recordSignInFailure(email, ip);
      if (nowBlocked) {
        await lockUser(user.id, nowBlocked);
        return { ok: false, reason: "rate_limited", ...nowBlocked };
      }
      return { ok: false, reason: "totp_invalid" };
    }
  }
  if (await customerSuspensionBlocks(user)) return { ok: false, reason: "customer_suspended" };
  await clearAccountFailures(email);

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
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_DAYS * 86_400_000),
    },
  });
  return { ok: true, userId: user.id, sessionId: session.id };
}

async function lockUser(userId: string, block: NonNullable<TSignInBlock>) {
  if (block.scope !== "account") return;
  await appDb().user.update({
    where: { id: userId },
    data: { lockedUntil: new Date(Date.now() + block.retryAfterSeconds * 1000) },
  });
}
