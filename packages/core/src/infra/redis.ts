import { Redis } from "ioredis";
import { getConfig } from "@forecourt/config";

const globalForRedis = globalThis as unknown as { forecourtRedis?: Redis };

/** The process's shared Redis connection (rate limits; later pub/sub and queues). */
export function redis(): Redis {
  globalForRedis.forecourtRedis ??= new Redis(getConfig().REDIS_URL, {
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  return globalForRedis.forecourtRedis;
}

/** Every key this deployment writes starts with REDIS_PREFIX, so tests can share a server. */
export function redisKey(...parts: string[]): string {
  return [getConfig().REDIS_PREFIX, ...parts].join(":");
}
