import { randomBytes } from "node:crypto";
import {
  ChannelSendError,
  getTelegramMe,
  setTelegramWebhook,
  telegramRouteKey,
  ZTelegramBotToken,
} from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { asTenantPrincipal, type TPrincipal } from "../principal";
import { inChannelSettings, ZChannelName } from "./channel-settings";
import { botAlreadyConnected, newWebhookSecret, sealTelegramSecrets, tokenRefused } from "./telegram-connection";
import { telegramEndpoint, telegramWebhookUrl } from "./telegram-channel";

/** Settings → Channels → Connect Telegram: the dealer, a name, and the token @BotFather gave. */
export const ZConnectTelegramChannel = z.object({
  dealerId: z.uuid(),
  name: ZChannelName,
  botToken: ZTelegramBotToken,
});
export type TConnectTelegramChannel = z.input<typeof ZConnectTelegramChannel>;

/**
 * Connects a Telegram bot to a dealer. getMe checks the token and names the bot; one
 * transaction writes the channel with the token and a generated webhook secret (encrypted) and
 * the global route `telegram:<bot id>` (so a bot is connected once anywhere; a race is decided
 * by the route's key); then setWebhook registers our URL for this channel with the secret and
 * the update types we read. If Telegram refuses that, the channel is removed again and the
 * reason shown: a channel that would never receive anything is not left behind. Audited.
 */
export async function connectTelegramChannel(
  options: { principal: TPrincipal } & TConnectTelegramChannel,
): Promise<{ channelId: string; botUsername: string }> {
  const { principal, ...raw } = options;
  const input = ZConnectTelegramChannel.parse(raw);
  const agent = asTenantPrincipal(principal);
  const endpoint = telegramEndpoint();
  // Who may connect for which dealer is settled before Telegram is asked anything.
  await inChannelSettings(principal, "connect a Telegram bot", async (tx) => {
    const dealer = agentMaySeeDealer(agent, input.dealerId)
      ? await tx.dealer.findFirst({ where: { id: input.dealerId, customerId: agent.tenant.customerId } })
      : null;
    if (!dealer) throw new NotFoundError("dealer");
  });
  let bot: Awaited<ReturnType<typeof getTelegramMe>>;
  try {
    bot = await getTelegramMe(endpoint, input.botToken);
  } catch (error) {
    if (error instanceof ChannelSendError) throw tokenRefused(error);
    throw error;
  }
  const secrets = { botToken: input.botToken, webhookSecret: newWebhookSecret() };
  const routeKey = telegramRouteKey(bot.id);
  let channelId: string;
  try {
    channelId = await inChannelSettings(principal, "connect a Telegram bot", async (tx) => {
      const customerId = agent.tenant.customerId;
      const dealer = agentMaySeeDealer(agent, input.dealerId)
        ? await tx.dealer.findFirst({ where: { id: input.dealerId, customerId } })
        : null;
      if (!dealer) throw new NotFoundError("dealer");
      if (await tx.channelRoute.findUnique({ where: { key: routeKey }, select: { key: true } }))
        throw botAlreadyConnected();
      const created = await tx.channel.create({
        data: {
          customerId,
          dealerId: dealer.id,
          type: "TELEGRAM",
          name: input.name || `${dealer.name} Telegram`,
          publicKey: `tg_${randomBytes(18).toString("base64url")}`,
          status: "ACTIVE",
          externalId: bot.id,
          config: { botId: bot.id, botUsername: bot.username, telegramWebhook: "registered" },
          secretsEncrypted: sealTelegramSecrets(secrets),
        },
      });
      await tx.channelRoute.create({ data: { key: routeKey, channelId: created.id, routedCustomerId: customerId } });
      await recordAuditEvent(tx, agent, {
        customerId,
        action: "channel.telegram.connected",
        targetType: "Channel",
        // Ids only: never the token or the webhook secret.
        targetId: created.id,
        data: { dealerId: dealer.id, botId: bot.id, botUsername: bot.username, name: created.name },
      });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw botAlreadyConnected();
    throw error;
  }
  try {
    await setTelegramWebhook(endpoint, input.botToken, {
      url: telegramWebhookUrl(channelId),
      secretToken: secrets.webhookSecret,
    });
  } catch (error) {
    if (!(error instanceof ChannelSendError)) throw error;
    // Nothing was ever delivered to it: remove the channel (its route cascades) and say why.
    await withTenant(agent.tenant.customerId, (tx) => tx.channel.delete({ where: { id: channelId } }));
    throw new RuleError(
      "telegram_webhook_refused",
      `Telegram did not accept our webhook (${error.failure.message}). Check that ${telegramWebhookUrl(channelId).replace(/\/[^/]+$/, "/…")} is reachable over HTTPS, then connect again.`,
    );
  }
  return { channelId, botUsername: bot.username };
}
