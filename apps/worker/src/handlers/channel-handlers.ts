import {
  REQUEUE_DELIVERIES_SCHEDULE,
  deliverMessageJob,
  fetchInboundMediaJob,
  requeueDeliveriesJob,
  sendReadReceiptJob,
  lookupContactNameJob,
} from "@forecourt/jobs/channel-jobs";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { requeueStaleDeliveries } from "@forecourt/core/channels/requeue-stale-deliveries";
import { SYNC_TELEGRAM_WEBHOOKS_SCHEDULE, syncTelegramWebhooksJob } from "@forecourt/jobs/telegram-jobs";
import { syncTelegramWebhooks } from "@forecourt/core/channels/sync-telegram-webhooks";
import { sendReadReceipt } from "@forecourt/core/channels/send-read-receipt";
import { lookupContactName } from "@forecourt/core/channels/lookup-contact-name";
import { handler, type TJobHandler } from "../job-handler";

/** Channels: outbound delivery, inbound media, read receipts, and the sweep for lost jobs (docs/channels.md). */
export const CHANNEL_HANDLERS: TJobHandler[] = [
  handler(deliverMessageJob, (payload, attempt) => deliverMessage({ ...payload, ...attempt })),
  handler(fetchInboundMediaJob, (payload, attempt) => fetchInboundMedia({ ...payload, ...attempt })),
  handler(sendReadReceiptJob, (payload) => sendReadReceipt(payload)),
  handler(lookupContactNameJob, (payload) => lookupContactName(payload)),
  handler(requeueDeliveriesJob, () => requeueStaleDeliveries(), { ...REQUEUE_DELIVERIES_SCHEDULE, payload: {} }),
  handler(syncTelegramWebhooksJob, () => syncTelegramWebhooks(), { ...SYNC_TELEGRAM_WEBHOOKS_SCHEDULE, payload: {} }),
];
