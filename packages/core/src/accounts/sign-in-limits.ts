import { RateLimiterRedis } from "rate-limiter-flexible";
import { getConfig } from "@forecourt/config";
import { redis, redisKey } from "../infra/redis";

/**
 * Failed sign-ins are counted per account (e-mail) and per IP in Redis, so the limits hold
 * across every web process. Only failures count; a success clears the account's counter.
 */
let limiters: { account: RateLimiterRedis; ip: RateLimiterRedis } | undefined;

function signInLimiters() {
  if (limiters) return limiters;
  const config = getConfig();
  const common = { storeClient: redis(), duration: config.SIGNIN_WINDOW_SECONDS };
  limiters = {
    account: new RateLimiterRedis({
      ...common,
      keyPrefix: redisKey("signin", "account"),
      points: config.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    }),
    ip: new RateLimiterRedis({
      ...common,
      keyPrefix: redisKey("signin", "ip"),
      points: config.SIGNIN_MAX_FAILURES_PER_IP,
    }),
  };
  return limiters;
}

export type TSignInBlock = { scope: "account" | "ip"; retryAfterSeconds: number } | null;

/** Whether the account or the IP has used up its failures; without spending a point. */
export async function signInBlocked(email: string, ip: string): Promise<TSignInBlock> {
  const { account, ip: byIp } = signInLimiters();
  const [accountState, ipState] = await Promise.all([account.get(email), byIp.get(ip)]);
  if (accountState && accountState.remainingPoints <= 0) {
    return { scope: "account", retryAfterSeconds: Math.ceil(accountState.msBeforeNext / 1000) };
  }
  if (ipState && ipState.remainingPoints <= 0) {
    return { scope: "ip", retryAfterSeconds: Math.ceil(ipState.msBeforeNext / 1000) };
  }
  return null;
}

/** Counts a failure against both keys; returns the block it caused, if any. */
export async function recordSignInFailure(email: string, ip: string): Promise<TSignInBlock> {
  const { account, ip: byIp } = signInLimiters();
  await Promise.all([account.penalty(email, 1), byIp.penalty(ip, 1)]);
  return signInBlocked(email, ip);
}

export async function clearAccountFailures(email: string): Promise<void> {
  await signInLimiters().account.delete(email);
}
