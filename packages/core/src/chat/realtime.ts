import { Emitter } from "@socket.io/redis-emitter";
import { Redis } from "ioredis";
import { getConfig } from "@forecourt/config";
import { EVENTS, NAMESPACES, ROOMS, type TConversationSummary, type TMessageEvent } from "@forecourt/protocol";

/**
 * Publishing to sockets from any process (web, worker, gateway) after a commit: the Socket.io
 * Redis emitter writes to the same channels the gateways' Redis adapter listens on, so every
 * gateway instance delivers to its own sockets in the named rooms. Nothing is delivered
 * from here that is not already committed in PostgreSQL; clients catch up by seq.
 */

const globalForEmitter = globalThis as unknown as { forecourtEmitter?: Emitter; forecourtEmitterRedis?: Redis };

/** The Redis channel prefix shared by the gateways' adapter and every emitter. */
export function socketIoKey(): string {
  return `${getConfig().REDIS_PREFIX}:socket.io`;
}

export function emitter(): Emitter {
  if (!globalForEmitter.forecourtEmitter) {
    globalForEmitter.forecourtEmitterRedis = new Redis(getConfig().REDIS_URL, { maxRetriesPerRequest: 2 });
    globalForEmitter.forecourtEmitter = new Emitter(globalForEmitter.forecourtEmitterRedis, { key: socketIoKey() });
  }
  return globalForEmitter.forecourtEmitter;
}

/** A message: notes go to the agents' room only, never to the visitor's. */
export function publishMessage(message: TMessageEvent, visitorVersion: TMessageEvent | null) {
  const e = emitter();
  e.of(NAMESPACES.agent).to(ROOMS.convAgents(message.conversationId)).emit(EVENTS.message, message);
  if (visitorVersion && message.kind !== "NOTE") {
    e.of(NAMESPACES.visitor).to(ROOMS.convVisitor(message.conversationId)).emit(EVENTS.message, visitorVersion);
  }
}

/**
 * A message changed after it was sent (delivery ticks, media downloaded): agents who have the
 * conversation open replace it by id. Channel messages have no widget visitor, so agents only.
 */
export function publishMessageUpdate(message: TMessageEvent) {
  emitter().of(NAMESPACES.agent).to(ROOMS.convAgents(message.conversationId)).emit(EVENTS.messageUpdate, message);
}

/** An inbox row changed: every agent whose scope includes the dealer sees it. */
export function publishConversation(summary: TConversationSummary) {
  emitter().of(NAMESPACES.agent).to(ROOMS.dealer(summary.dealerId)).emit(EVENTS.conversation, summary);
}

export function publishRead(conversationId: string, seq: number, by: "contact" | "agent") {
  const e = emitter();
  const event = { conversationId, seq, by };
  e.of(NAMESPACES.agent).to(ROOMS.convAgents(conversationId)).emit(EVENTS.readEvent, event);
  if (by === "agent") e.of(NAMESPACES.visitor).to(ROOMS.convVisitor(conversationId)).emit(EVENTS.readEvent, event);
}

/** Disconnects every gateway socket of a revoked sign-in session, on every gateway instance. */
export function publishSessionRevoked(sessionId: string) {
  const room = ROOMS.session(sessionId);
  const agents = emitter().of(NAMESPACES.agent);
  agents.to(room).emit(EVENTS.revoked, { sessionId });
  agents.in(room).disconnectSockets(true);
}
