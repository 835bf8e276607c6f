import { ChannelSendError, getTelegramMe, getTelegramWebhookInfo, setTelegramWebhook } from "@forecourt/channels";
import { RuleError } from "../errors";
import type { TPrincipal } from "../principal";
import { inChannelSettings, ZChannelRef } from "./channel-settings";
import { loadManagedTelegramChannel } from "./telegram-connection";
import { telegramEndpoint, telegramWebhookUrl } from "./telegram-channel";

export type TTelegramCheck = {
  botUsername: string;
  /** Telegram posted to another URL (someone called setWebhook elsewhere): we registered ours again. */
  webhookRepaired: boolean;
  pendingUpdates: number;
  /** The last error Telegram met posting to us, e.g. a certificate problem. */
  lastError: string | null;
};

/**
 * "Test the connection" in Settings → Channels (a bot cannot write first to anyone, so there is
 * no test message): getMe (is the token still valid?) and getWebhookInfo (does Telegram post to
 * us?). A webhook that points elsewhere is registered again, with the same secret, when the
 * channel is active. Telegram's reason is shown when it refuses.
 */
export async function checkTelegramChannel(
  options: { principal: TPrincipal } & { channelId: string },
): Promise<TTelegramCheck> {
  const input = ZChannelRef.parse({ channelId: options.channelId });
  const { row, channel } = await inChannelSettings(options.principal, "test a Telegram bot", (tx, agent) =>
    loadManagedTelegramChannel(tx, agent, input.channelId),
  );
  const endpoint = telegramEndpoint();
  const token = channel.secrets.botToken;
  try {
    const bot = await getTelegramMe(endpoint, token);
    const info = await getTelegramWebhookInfo(endpoint, token);
    const ours = telegramWebhookUrl(row.id);
    const repair = row.status === "ACTIVE" && info.url !== ours;
    if (repair) await setTelegramWebhook(endpoint, token, { url: ours, secretToken: channel.secrets.webhookSecret });
    return {
      botUsername: bot.username,
      webhookRepaired: repair,
      pendingUpdates: info.pendingUpdateCount,
      lastError: info.lastErrorMessage,
    };
  } catch (error) {
    if (error instanceof ChannelSendError) throw new RuleError(error.failure.code, error.failure.message);
    throw error;
  }
}
