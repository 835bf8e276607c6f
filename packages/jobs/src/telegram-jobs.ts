import { z } from "zod";
import { defineJob } from "./define-job";

/**
 * Telegram webhooks follow the contract (L 5.2 "integrations are disabled"): a termination's
 * disabled bots get deleteWebhook, a reinstatement's re-enabled ones setWebhook again. A sweep
 * every minute reconciles what the channels say with what Telegram was told, so no lifecycle
 * path has to remember it and a Telegram outage only delays it.
 */
export const syncTelegramWebhooksJob = defineJob({
  name: "channel.telegram-webhooks",
  queue: "delivery",
  payload: z.object({}).default({}),
});

export const SYNC_TELEGRAM_WEBHOOKS_SCHEDULE = { every: 60_000 } as const;
