import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@forecourt/config";
import { RuleError } from "../errors";
import { redis, redisKey } from "../infra/redis";

/**
 * Codes typed in Settings → Two-factor (confirm enrolment, disable) by a signed-in user. A
 * stolen session must not be able to try the million codes in a burst, so, as at sign-in, an
 * attempt is spent BEFORE the code is checked and given back when it was right. Same numbers
 * as the sign-in account limit.
 */
let limiter: RateLimiterRedis | undefined;

function totpLimiter() {
  const config = getConfig();
  limiter ??= new RateLimiterRedis({
    storeClient: redis(),
    keyPrefix: redisKey("totp", "user"),
    points: config.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    duration: config.SIGNIN_WINDOW_SECONDS,
  });
  return limiter;
}

/** Spends one code attempt of this user, or throws RuleError("rate_limited"). */
export async function consumeTotpAttempt(userId: string): Promise<void> {
  try {
    await totpLimiter().consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RuleError("rate_limited");
    throw error;
  }
}

export async function refundTotpAttempt(userId: string): Promise<void> {
  await totpLimiter().reward(userId, 1);
}
