import { z } from "zod";
import { CHANNEL_BACKOFF } from "./backoff";
import { defineJob } from "./define-job";

/*
 * Channel delivery (WhatsApp, Messenger). A reply commits first (seq, idempotent), then one job
 * per message sends it; the job id is the message id, so enqueueing twice (a retry, the stale
 * sweep) runs it once, and a crash between commit and enqueue is caught by the sweep. Payloads
 * carry ids only.
 */

const ZMessageRef = z.object({ customerId: z.uuid(), messageId: z.uuid() });

export const deliverMessageJob = defineJob({ name: "channel.deliver", queue: "delivery", payload: ZMessageRef });

/** Downloads inbound media (Meta's media URLs live about 5 minutes): checked, stored, attached. */
export const fetchInboundMediaJob = defineJob({ name: "channel.fetch-media", queue: "delivery", payload: ZMessageRef });

/** Tells the customer an agent read their message (WhatsApp blue ticks, Messenger "Seen"). */
export const sendReadReceiptJob = defineJob({ name: "channel.read-receipt", queue: "delivery", payload: ZMessageRef });

/** Looks up a new contact's name where the webhook carries none (Messenger's User Profile API). */
export const lookupContactNameJob = defineJob({
  name: "channel.lookup-name",
  queue: "delivery",
  payload: z.object({ customerId: z.uuid(), contactId: z.uuid(), channelId: z.uuid() }),
});

/** Finds QUEUED messages whose job was lost (a crash after commit) and enqueues them again. */
export const requeueDeliveriesJob = defineJob({
  name: "channel.requeue-stale",
  queue: "delivery",
  payload: z.object({}).default({}),
});

export const REQUEUE_DELIVERIES_SCHEDULE = { every: 60_000 } as const;

/**
 * Retries for 5xx, 429, time-outs: 2 s, 4 s, 8 s … about 8.5 minutes in all (or the wait the
 * service asked for, see backoff.ts), then the message is shown as failed with "Retry".
 * Permanent errors are never retried.
 */
export const DELIVERY_RETRY = { attempts: 8, backoff: { type: CHANNEL_BACKOFF } } as const;

/** Job ids must not contain ":" (BullMQ's key separator); a uuid has none. */
export const deliveryJobId = (messageId: string) => messageId;
export const mediaJobId = (messageId: string) => `media-${messageId}`;
export const readReceiptJobId = (messageId: string) => `read-${messageId}`;
export const lookupNameJobId = (contactId: string) => `name-${contactId}`;
