import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getConfig } from "@forecourt/config";
import { redis, redisKey } from "../infra/redis";

/**
 * Abuse limits of the public widget (RULES.md §7: no overloading): new conversations,
 * messages and uploads are counted per IP and per channel in Redis, so the limits hold across
 * every web and gateway process. Limits come from the CHAT_LIMIT_* variables.
 */
export type TLimitKind = "conversations" | "messages" | "uploads";

type TLimiters = Record<TLimitKind, { ip: RateLimiterRedis; channel: RateLimiterRedis }>;
let limiters: TLimiters | undefined;

function chatLimiters(): TLimiters {
  if (limiters) return limiters;
  const c = getConfig();
  const make = (kind: string, scope: string, points: number, duration: number) =>
    new RateLimiterRedis({ storeClient: redis(), keyPrefix: redisKey("rl", "chat", kind, scope), points, duration });
  limiters = {
    conversations: {
      ip: make("conversations", "ip", c.CHAT_LIMIT_CONVERSATIONS_PER_IP_HOUR, 3600),
      channel: make("conversations", "channel", c.CHAT_LIMIT_CONVERSATIONS_PER_CHANNEL_HOUR, 3600),
    },
    messages: {
      ip: make("messages", "ip", c.CHAT_LIMIT_MESSAGES_PER_IP_MINUTE, 60),
      channel: make("messages", "channel", c.CHAT_LIMIT_MESSAGES_PER_CHANNEL_MINUTE, 60),
    },
    uploads: {
      ip: make("uploads", "ip", c.CHAT_LIMIT_UPLOADS_PER_IP_HOUR, 3600),
      channel: make("uploads", "channel", c.CHAT_LIMIT_UPLOADS_PER_CHANNEL_HOUR, 3600),
    },
  };
  return limiters;
}

export type TLimitResult = { ok: true } | { ok: false; scope: "ip" | "channel"; retryAfterSeconds: number };

/** Spends one point per IP and per channel; refuses (with when to retry) once either is used up. */
export async function consumeChatLimit(kind: TLimitKind, ip: string, channelId: string): Promise<TLimitResult> {
  const l = chatLimiters()[kind];
  // Both counters at once (one Redis round trip of latency, not two).
  const results = await Promise.allSettled([l.ip.consume(ip, 1), l.channel.consume(channelId, 1)]);
  for (const [index, result] of results.entries()) {
    if (result.status === "fulfilled") continue;
    if (result.reason instanceof RateLimiterRes) {
      return {
        ok: false,
        scope: index === 0 ? "ip" : "channel",
        retryAfterSeconds: Math.ceil(result.reason.msBeforeNext / 1000),
      };
    }
    throw result.reason;
  }
  return { ok: true };
}
