import { DISPATCH_WEBHOOKS_SCHEDULE, deliverWebhookJob, dispatchWebhooksJob } from "@forecourt/jobs/webhook-jobs";
import { deliverWebhook } from "@forecourt/core/webhooks/deliver-webhook";
import {
  dispatchWebhookEvents,
  pruneWebhookLog,
  requeueLostWebhookDeliveries,
} from "@forecourt/core/webhooks/dispatch-webhook-events";
import { handler, type TJobHandler } from "../job-handler";

/** Outbound webhooks (docs/webhooks.md): one job per delivery, and the sweep behind the LISTEN fan-out. */
export const WEBHOOK_HANDLERS: TJobHandler[] = [
  handler(deliverWebhookJob, (payload, attempt) => deliverWebhook({ ...payload, ...attempt })),
  handler(
    dispatchWebhooksJob,
    async () => ({
      ...(await dispatchWebhookEvents()),
      ...(await requeueLostWebhookDeliveries()),
      ...(await pruneWebhookLog()),
    }),
    { ...DISPATCH_WEBHOOKS_SCHEDULE, payload: {} },
  ),
];
