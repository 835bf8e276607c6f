import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@forecourt/config";
import { redis, redisKey } from "../infra/redis";

/**
 * Sign-in attempts are limited per account (e-mail) and per IP in Redis, so the limits hold
 * across every web process. An attempt spends a point BEFORE the password or code is checked
 * (`consume` is one atomic Redis increment), so parallel attempts cannot all slip past the
 * check: at most `points` attempts per window are ever verified. Attempts that turn out not to
 * be guesses (the right password) get their point back (`refundSignInAttempt`).
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

export type TSignInBlock = { scope: "account" | "ip"; retryAfterSeconds: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Spends one attempt against the account and the IP; null when it may be verified, else the
 * block (nothing may be checked). A point taken from one key while the other refuses is given
 * back, so an IP block does not eat into the account's attempts or the other way round.
 */
export async function consumeSignInAttempt(email: string, ip: string): Promise<TSignInBlock | null> {
  const { account, ip: byIp } = signInLimiters();
  const [byAccount, byAddress] = await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
  const refusal = (r: PromiseSettledResult<RateLimiterRes>) => {
    if (r.status === "fulfilled") return null;
    if (r.reason instanceof RateLimiterRes) return r.reason;
    throw r.reason; // Redis itself failed: fail closed.
  };
  const accountRefused = refusal(byAccount);
  const ipRefused = refusal(byAddress);
  if (!accountRefused && !ipRefused) return null;
  if (!accountRefused) await account.reward(email, 1);
  if (!ipRefused) await byIp.reward(ip, 1);
  if (accountRefused) return { scope: "account", retryAfterSeconds: seconds(accountRefused.msBeforeNext) };
  return { scope: "ip", retryAfterSeconds: seconds(ipRefused!.msBeforeNext) };
}

/** Gives an attempt back that proved not to be a guess (the password was right). */
export async function refundSignInAttempt(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = signInLimiters();
  await Promise.all([account.reward(email, 1), byIp.reward(ip, 1)]);
}

/** The block in force after a failed attempt, if it used up the account's or the IP's last point. */
export async function signInBlocked(email: string, ip: string): Promise<TSignInBlock | null> {
  const { account, ip: byIp } = signInLimiters();
  const [accountState, ipState] = await Promise.all([account.get(email), byIp.get(ip)]);
  if (accountState && accountState.remainingPoints <= 0) {
    return { scope: "account", retryAfterSeconds: seconds(accountState.msBeforeNext) };
  }
  if (ipState && ipState.remainingPoints <= 0) {
    return { scope: "ip", retryAfterSeconds: seconds(ipState.msBeforeNext) };
  }
  return null;
}

export async function clearAccountFailures(email: string): Promise<void> {
  await signInLimiters().account.delete(email);
}
