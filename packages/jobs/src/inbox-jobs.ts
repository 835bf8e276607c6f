import { z } from "zod";
import { defineJob } from "./define-job";

/** Reopens snoozed conversations whose time has come (core/chat/wake-snoozed-conversations.ts). */
export const wakeSnoozedJob = defineJob({
  name: "inbox.wake-snoozed",
  queue: "lifecycle",
  payload: z.object({}).default({}),
});

/** Every 30 seconds: a snooze wakes at most half a minute late. */
export const WAKE_SNOOZED_SCHEDULE = { every: 30_000 } as const;

/** Runs the dealer's routing rules for a conversation that just started or was transferred (core/routing). */
export const routeConversationJob = defineJob({
  name: "inbox.route",
  queue: "delivery",
  payload: z.object({
    customerId: z.uuid(),
    conversationId: z.uuid(),
    trigger: z.enum(["started", "transferred"]),
  }),
});
/** One routing run per start (a retried enqueue is the same job); a transfer gets a job per transfer. */
export const routeJobId = (conversationId: string, trigger: "started" | "transferred") =>
  trigger === "started" ? `route-${conversationId}` : `route-${conversationId}-${Date.now()}`;

/** The backstop: conversations whose routing job was lost (Redis down at the time) are routed here. */
export const routingSweepJob = defineJob({
  name: "inbox.routing-sweep",
  queue: "lifecycle",
  payload: z.object({}).default({}),
});
export const ROUTING_SWEEP_SCHEDULE = { every: 30_000 } as const;

/** A bot answers one contact message (core/bots/run-bot.ts). */
export const botReplyJob = defineJob({
  name: "inbox.bot-reply",
  queue: "delivery",
  payload: z.object({ customerId: z.uuid(), conversationId: z.uuid(), messageId: z.uuid() }),
});
/** One bot run per contact message. */
export const botReplyJobId = (messageId: string) => `bot-${messageId}`;

/** Web Push to the agents of a new or newly assigned conversation (core/push/notify-push.ts). */
export const pushNotifyJob = defineJob({
  name: "inbox.push",
  queue: "delivery",
  payload: z.object({
    customerId: z.uuid(),
    conversationId: z.uuid(),
    kind: z.enum(["new", "assigned"]),
    actorUserId: z.uuid().nullable().optional(),
  }),
});
