import { Emitter } from "@socket.io/redis-emitter";
import { redis, redisKey } from "./redis";

/**
 * The Redis key of the Socket.io adapter/emitter channel. The gateway's Redis adapter must use
 * the same key (`createAdapter(pub, sub, { key: socketIoRedisKey() })`) so that events that
 * web and worker processes emit reach its sockets. Prefixed, so test slots do not cross.
 */
export function socketIoRedisKey(): string {
  return redisKey("socket.io");
}

const globalForEmitter = globalThis as unknown as { forecourtEmitter?: Emitter };

/** Emits to Socket.io rooms from any process (no socket server needed), through Redis. */
export function socketEmitter(): Emitter {
  globalForEmitter.forecourtEmitter ??= new Emitter(redis(), { key: socketIoRedisKey() });
  return globalForEmitter.forecourtEmitter;
}

/** Room of one signed-in browser session (protocol: `session:<id>`). */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
