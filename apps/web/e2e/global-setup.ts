import { Redis } from "ioredis";
import { getConfig } from "@forecourt/config";
import { assertLocalTestDatabase, ownerDb } from "@forecourt/testing";

/** Refuse a non-test database, and start every run with no sign-in failures counted and no account locked. */
export default async function globalSetup() {
  assertLocalTestDatabase();
  const config = getConfig();
  const redis = new Redis(config.REDIS_URL);
  const keys = [
    ...(await redis.keys(`${config.REDIS_PREFIX}:signin:*`)),
    ...(await redis.keys(`${config.REDIS_PREFIX}:totp:*`)),
  ];
  if (keys.length > 0) await redis.del(...keys);
  // Live-chat abuse limits count per IP; every test browser is 127.0.0.1.
  const chatKeys = await redis.keys(`${config.REDIS_PREFIX}:rl:chat:*`);
  if (chatKeys.length > 0) await redis.del(...chatKeys);
  redis.disconnect();
  await ownerDb().user.updateMany({ where: { lockedUntil: { not: null } }, data: { lockedUntil: null } });
}
