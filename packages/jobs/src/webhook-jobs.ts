import { z } from "zod";
import { getConfig } from "@forecourt/config";
import { WEBHOOK_BACKOFF } from "./backoff";
import { defineJob } from "./define-job";

/*
 * Outbound webhooks (docs/webhooks.md). The outbox (WebhookEvent) is fanned out into one
 * WebhookDelivery per matching endpoint; one job per delivery sends it, its id the delivery id,
 * so enqueueing twice runs it once. Payloads carry ids only; the body is built when sent.
 */

export const deliverWebhookJob = defineJob({
  name: "webhooks.deliver",
  queue: "webhooks",
  payload: z.object({ customerId: z.uuid(), deliveryId: z.uuid() }),
});

/** Fans out events nobody dispatched yet (the worker's LISTEN missed them) and re-enqueues lost delivery jobs. */
export const dispatchWebhooksJob = defineJob({
  name: "webhooks.dispatch",
  queue: "webhooks",
  payload: z.object({}).default({}),
});

export const DISPATCH_WEBHOOKS_SCHEDULE = { every: 30_000 } as const;

/** Exponential backoff (backoff.ts, WEBHOOK_BACKOFF_BASE_MS) over WEBHOOK_MAX_ATTEMPTS tries: about 23 h by default. */
export function webhookRetry() {
  return { attempts: getConfig().WEBHOOK_MAX_ATTEMPTS, backoff: { type: WEBHOOK_BACKOFF } } as const;
}

export const webhookJobId = (deliveryId: string) => deliveryId;
