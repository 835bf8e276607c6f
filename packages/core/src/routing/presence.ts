import { redis, redisKey } from "../infra/redis";

/** An agent counts as online this long after the gateway last saw one of their sockets. */
export const PRESENCE_TTL_MS = 60_000;

const presenceKey = (customerId: string) => redisKey("presence", customerId);

/**
 * The gateway reports the agents with a live socket (at connect and on every session re-check,
 * every few seconds): one sorted set per tenant, userId scored by when it was last seen. Several
 * gateways write the same sets; entries older than the TTL are dropped as they are read.
 */
export async function markAgentsOnline(agents: { customerId: string; userId: string }[], now = Date.now()) {
  if (agents.length === 0) return;
  const pipeline = redis().pipeline();
  for (const a of agents) pipeline.zadd(presenceKey(a.customerId), now, a.userId);
  await pipeline.exec();
}

/** The tenant's agents seen online within the TTL. Redis down: nobody (routing leaves the conversation in the queue). */
export async function onlineAgentIds(customerId: string, now = Date.now()): Promise<Set<string>> {
  try {
    const key = presenceKey(customerId);
    await redis().zremrangebyscore(key, "-inf", now - PRESENCE_TTL_MS);
    return new Set(await redis().zrangebyscore(key, now - PRESENCE_TTL_MS, "+inf"));
  } catch (error) {
    console.error(`[routing] presence unavailable: ${String(error)}`);
    return new Set();
  }
}

/** Tests and a clean sign-out: the agent is offline at once. */
export async function markAgentOffline(customerId: string, userId: string) {
  await redis().zrem(presenceKey(customerId), userId);
}
