import { ChannelSendError, deleteTelegramWebhook } from "@forecourt/channels";
import type { Prisma } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings, storedConfig, ZChannelRef } from "./channel-settings";
import { loadManagedTelegramChannel } from "./telegram-connection";
import { telegramEndpoint } from "./telegram-channel";

/**
 * Disconnects a Telegram bot: deleteWebhook first (Telegram stops posting to us), then, in one
 * transaction, the route goes (the bot may be connected again, here or elsewhere), the token and
 * webhook secret are deleted (we keep no credentials we no longer use), and the channel is
 * disabled and marked disconnected. Its conversations stay in the inbox as history. A token
 * Telegram no longer accepts (revoked in @BotFather) does not block the disconnect. Audited.
 */
export async function disconnectTelegramChannel(
  options: { principal: TPrincipal } & { channelId: string },
): Promise<{ disconnected: true }> {
  const { principal } = options;
  const input = ZChannelRef.parse({ channelId: options.channelId });
  const { channel } = await inChannelSettings(principal, "read a Telegram bot", (tx, agent) =>
    loadManagedTelegramChannel(tx, agent, input.channelId),
  );
  try {
    await deleteTelegramWebhook(telegramEndpoint(), channel.secrets.botToken);
  } catch (error) {
    if (!(error instanceof ChannelSendError)) throw error;
    if (error.failure.code !== "token_invalid")
      throw new RuleError("telegram_unreachable", `${error.failure.message} Try disconnecting again.`);
  }
  return inChannelSettings(principal, "disconnect a Telegram bot", async (tx, agent) => {
    const { row } = await loadManagedTelegramChannel(tx, agent, input.channelId);
    const config = storedConfig(row.config);
    await tx.channelRoute.deleteMany({ where: { channelId: row.id } });
    await tx.channel.update({
      where: { id: row.id },
      data: {
        status: "DISABLED",
        secretsEncrypted: null,
        config: {
          ...config,
          telegramWebhook: "removed",
          disconnectedAt: new Date().toISOString(),
        } as Prisma.InputJsonObject,
      },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.telegram.disconnected",
      targetType: "Channel",
      targetId: row.id,
      data: { botId: channel.config.botId },
    });
    return { disconnected: true as const };
  });
}
