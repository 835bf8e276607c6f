import { randomBytes, randomInt } from "node:crypto";
import { telegramRouteKey } from "@forecourt/channels";
import { ownerDb } from "@forecourt/testing";
import { encryptSecret } from "../crypto/secret-box";

/** A connected Telegram bot with its route, written directly (no getMe / setWebhook). For tests only. */
export async function createTelegramChannel(
  tenant: { customer: { id: string }; dealer: { id: string } },
  options: { status?: "ACTIVE" | "DISABLED" } = {},
) {
  const botId = String(randomInt(7_000_000_000, 7_999_999_999));
  const botToken = `${botId}:AAH${randomBytes(24).toString("base64url")}`;
  const webhookSecret = randomBytes(36).toString("base64url");
  const botUsername = `test_${botId}_bot`;
  const channel = await ownerDb().channel.create({
    data: {
      customerId: tenant.customer.id,
      dealerId: tenant.dealer.id,
      type: "TELEGRAM",
      name: "Telegram",
      publicKey: `test-telegram-${botId}`,
      status: options.status ?? "ACTIVE",
      config: { botId, botUsername, telegramWebhook: "registered" },
      externalId: botId,
      secretsEncrypted: encryptSecret(JSON.stringify({ botToken, webhookSecret })),
    },
  });
  await ownerDb().channelRoute.create({
    data: { key: telegramRouteKey(botId), channelId: channel.id, routedCustomerId: tenant.customer.id },
  });
  return { channelId: channel.id, botId, botToken, webhookSecret, botUsername };
}
