import { ChannelSendError, deleteTelegramWebhook, setTelegramWebhook } from "@forecourt/channels";
import { withSystemAccess, withTenant, type Prisma } from "@forecourt/db";
import { storedConfig } from "./channel-settings";
import { telegramChannelOf, telegramEndpoint, telegramWebhookUrl } from "./telegram-channel";

/**
 * The Telegram webhook sweep (every minute, across tenants): a bot the termination disabled
 * (config.disabledByLifecycleOn) whose webhook is still registered gets deleteWebhook; an
 * active bot whose webhook was removed that way (reinstated) gets setWebhook again with its
 * secret. `config.telegramWebhook` records the result, so a second run does nothing. A bot
 * whose token Telegram no longer accepts is marked removed (nothing will reach it anyway).
 * Disconnected bots have no token and are not touched.
 */
export async function syncTelegramWebhooks(): Promise<{ removed: number; registered: number; failed: number }> {
  const rows = await withSystemAccess(
    { job: "channel.telegram-webhooks" },
    (tx) =>
      tx.$queryRaw<{ id: string; customerId: string }[]>`
      SELECT "id", "customerId" FROM "Channel"
       WHERE "type"::text = 'TELEGRAM' AND "secretsEncrypted" IS NOT NULL
         AND (("status"::text = 'DISABLED' AND "config" ? 'disabledByLifecycleOn'
               AND COALESCE("config"->>'telegramWebhook', 'registered') = 'registered')
           OR ("status"::text = 'ACTIVE' AND "config"->>'telegramWebhook' = 'removed'))
       ORDER BY "id" LIMIT 200`,
  );
  const counts = { removed: 0, registered: 0, failed: 0 };
  for (const { id, customerId } of rows) {
    const row = await withTenant(customerId, (tx) => tx.channel.findUnique({ where: { id } }));
    const channel = row && telegramChannelOf(row);
    if (!row || !channel) continue;
    const register = row.status === "ACTIVE";
    let state: "registered" | "removed" = register ? "registered" : "removed";
    try {
      if (register)
        await setTelegramWebhook(telegramEndpoint(), channel.secrets.botToken, {
          url: telegramWebhookUrl(id),
          secretToken: channel.secrets.webhookSecret,
        });
      else await deleteTelegramWebhook(telegramEndpoint(), channel.secrets.botToken);
    } catch (error) {
      if (!(error instanceof ChannelSendError)) throw error;
      if (error.failure.retryable) {
        counts.failed += 1; // the next sweep tries again
        continue;
      }
      state = "removed";
    }
    await withTenant(customerId, (tx) =>
      tx.channel.update({
        where: { id },
        data: { config: { ...storedConfig(row.config), telegramWebhook: state } as Prisma.InputJsonObject },
      }),
    );
    if (state === "registered") counts.registered += 1;
    else counts.removed += 1;
  }
  return counts;
}
