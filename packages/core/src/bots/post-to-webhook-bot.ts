import { Webhook } from "standardwebhooks";
import { getConfig } from "@forecourt/config";
import { decryptSecret } from "../crypto/secret-box";
import { postWebhook, type TPostOutcome } from "../webhooks/post-webhook";

export type TBotMessage = {
  conversationId: string;
  dealerId: string;
  channelType: string;
  language: string | null;
  contact: { id: string; name: string | null };
  message: { id: string; body: string; createdAt: string };
};

/**
 * One signed POST to an outside bot (Standard Webhooks: webhook-id is the message id, so a
 * retried delivery is recognisably the same; the signature covers the raw body), SSRF-safe like
 * every outbound webhook. The bot answers with POST /api/v1/conversations/{id}/messages and
 * hands off with POST /api/v1/conversations/{id}/handoff, using an API key of the dealer group.
 */
export async function postToWebhookBot(
  bot: { url: string; secretEncrypted: string },
  data: TBotMessage,
): Promise<TPostOutcome> {
  const config = getConfig();
  const timestamp = new Date();
  const body = JSON.stringify({
    type: "bot.message",
    timestamp: timestamp.toISOString(),
    data: {
      ...data,
      replyUrl: `${config.WEB_URL}/api/v1/conversations/${data.conversationId}/messages`,
      handoffUrl: `${config.WEB_URL}/api/v1/conversations/${data.conversationId}/handoff`,
    },
  });
  const signature = new Webhook(decryptSecret(bot.secretEncrypted)).sign(data.message.id, timestamp, body);
  return postWebhook({
    url: bot.url,
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": data.message.id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": signature,
      "user-agent": "Forecourt-Bot/1",
    },
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    allowPrivateTargets: config.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    maxResponseBytes: 4096,
  });
}
