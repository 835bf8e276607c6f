import {
  REQUEUE_DELIVERIES_SCHEDULE,
  deliverMessageJob,
  fetchInboundMediaJob,
  requeueDeliveriesJob,
} from "@forecourt/jobs/channel-jobs";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { requeueStaleDeliveries } from "@forecourt/core/channels/requeue-stale-deliveries";
import { SYNC_TELEGRAM_WEBHOOKS_SCHEDULE, syncTelegramWebhooksJob } from "@forecourt/jobs/telegram-jobs";
import { syncTelegramWebhooks } from "@forecourt/core/channels/sync-telegram-webhooks";
import { handler, type TJobHandler } from "../job-handler";

/** WhatsApp and Messenger: outbound delivery, inbound media, and the sweep for lost jobs (docs/channels.md). */
export const CHANNEL_HANDLERS: TJobHandler[] = [
  handler(deliverMessageJob, (payload, attempt) => deliverMessage({ ...payload, ...attempt })),
  handler(fetchInboundMediaJob, (payload, attempt) => fetchInboundMedia({ ...payload, ...attempt })),
  handler(requeueDeliveriesJob, () => requeueStaleDeliveries(), { ...REQUEUE_DELIVERIES_SCHEDULE, payload: {} }),
  handler(syncTelegramWebhooksJob, () => syncTelegramWebhooks(), { ...SYNC_TELEGRAM_WEBHOOKS_SCHEDULE, payload: {} }),
];
