import { Redis } from "ioredis";
import { getConfig } from "@forecourt/config";

/** BullMQ needs maxRetriesPerRequest: null on the connections its workers block on. */
export function bullConnection(): Redis {
  return new Redis(getConfig().REDIS_URL, { maxRetriesPerRequest: null });
}

/** Every queue lives under REDIS_PREFIX, so tests and development can share one Redis. */
export function bullPrefix(): string {
  return `${getConfig().REDIS_PREFIX}:bull`;
}
