import { z } from "zod";
import { RateLimiterRedis } from "rate-limiter-flexible";
import { appDb } from "@forecourt/db";
import { redis, redisKey } from "../infra/redis";
import { mailPasswordResetLink } from "./send-password-reset";

/** At most this many reset e-mails per address per hour (no mail-bombing through the public form). */
export const RESET_MAILS_PER_HOUR = 3;
let limiter: RateLimiterRedis | undefined;
function resetLimiter() {
  limiter ??= new RateLimiterRedis({
    storeClient: redis(),
    keyPrefix: redisKey("reset", "email"),
    points: RESET_MAILS_PER_HOUR,
    duration: 3600,
  });
  return limiter;
}

export const ZRequestPasswordReset = z.object({ email: z.string().trim().toLowerCase().pipe(z.email()) });

/**
 * "Forgot password" on the public page. Always answers the same, whether the address exists or
 * not (no account enumeration); suspended users get nothing, and one address gets at most
 * RESET_MAILS_PER_HOUR mails an hour.
 */
export async function requestPasswordReset(input: z.input<typeof ZRequestPasswordReset>): Promise<{ ok: true }> {
  const { email } = ZRequestPasswordReset.parse(input);
  const user = await appDb().user.findUnique({ where: { email } });
  if (!user || user.status !== "ACTIVE") return { ok: true };
  const allowed = await resetLimiter()
    .consume(email)
    .then(() => true)
    .catch(() => false);
  // Not awaited: the answer takes the same time whether or not the address has an account. Nobody
  // awaits it, so a failure (database, SMTP) is logged here rather than left unhandled.
  if (allowed) {
    mailPasswordResetLink(user).catch((error: unknown) =>
      console.error("[accounts] password reset mail failed", error),
    );
  }
  return { ok: true };
}
