import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@forecourt/config";
import { redis, redisKey } from "../infra/redis";
import { RateLimitedError } from "../errors";
import type { TApiKeyPrincipal } from "../principal";

/*
 * Public API limits (DESIGN.md security baseline): every request spends a point of its key and of
 * its tenant in Redis, atomically, so the limits hold across web processes and under parallel
 * requests. Over either limit: 429 with Retry-After (RateLimitedError).
 */
let limiters: { key: RateLimiterRedis; tenant: RateLimiterRedis } | undefined;

function apiLimiters() {
  if (limiters) return limiters;
  const c = getConfig();
  const make = (scope: string, points: number) =>
    new RateLimiterRedis({ storeClient: redis(), keyPrefix: redisKey("rl", "api", scope), points, duration: 60 });
  limiters = {
    key: make("key", c.API_RATE_LIMIT_PER_KEY_MINUTE),
    tenant: make("tenant", c.API_RATE_LIMIT_PER_TENANT_MINUTE),
  };
  return limiters;
}

/** Spends one request of the key and of its tenant; throws RateLimitedError once either is used up. */
export async function consumeApiLimit(principal: TApiKeyPrincipal): Promise<void> {
  const l = apiLimiters();
  const results = await Promise.allSettled([
    l.key.consume(principal.keyId, 1),
    l.tenant.consume(principal.tenant.customerId, 1),
  ]);
  for (const result of results) {
    if (result.status === "fulfilled") continue;
    if (result.reason instanceof RateLimiterRes) {
      throw new RateLimitedError(
        Math.max(1, Math.ceil(result.reason.msBeforeNext / 1000)),
        "Too many requests for this API key or workspace. Try again after the time in Retry-After.",
      );
    }
    throw result.reason;
  }
}
