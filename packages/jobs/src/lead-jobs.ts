import { z } from "zod";
import { defineJob } from "./define-job";

/*
 * Lead export (docs/leads.md): one job per LeadDelivery (a lead to the dealer's CRM e-mail or
 * URL as ADF/XML), its id the delivery id, on the webhooks queue with the webhook backoff.
 * The payload carries ids only; the ADF is built from the database when sent.
 */
export const deliverLeadJob = defineJob({
  name: "leads.deliver",
  queue: "webhooks",
  payload: z.object({ customerId: z.uuid(), deliveryId: z.uuid() }),
});

export const leadJobId = (deliveryId: string) => `lead-${deliveryId}`;

/** Re-enqueues lead deliveries whose job was lost (Redis down when the lead was written, a flushed queue). */
export const requeueLeadDeliveriesJob = defineJob({
  name: "leads.requeue",
  queue: "webhooks",
  payload: z.object({}).default({}),
});

export const REQUEUE_LEAD_DELIVERIES_SCHEDULE = { every: 60_000 } as const;
