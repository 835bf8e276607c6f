import { receiveMetaWebhook } from "@forecourt/core/channels/receive-meta-webhook";
import { receiveTwilioWebhook } from "@forecourt/core/channels/receive-twilio-webhook";
import { receiveTelegramWebhook } from "@forecourt/core/channels/receive-telegram-webhook";
import { verifyMetaSubscription, ZMetaSubscription } from "@forecourt/core/channels/verify-meta-subscription";
import { definePublicHandler } from "../define-handler";
import { run } from "./result";

/*
 * Inbound channel webhooks. No session: the outside service proves itself — the verify token
 * in the GET handshake, the signature over the raw bytes of every POST. Core builds the channel
 * principal only after the signature verified (receive-meta-webhook.ts).
 */

export const handleMetaSubscription = definePublicHandler({ input: ZMetaSubscription }, ({ input }) =>
  verifyMetaSubscription(input),
);

export function handleMetaWebhook(rawBody: Uint8Array, signature: string | null) {
  return run(() => receiveMetaWebhook({ rawBody, signature }));
}

export function handleTwilioWebhook(input: Parameters<typeof receiveTwilioWebhook>[0]) {
  return run(() => receiveTwilioWebhook(input));
}

/** Telegram: the bot's own URL names the channel; the secret token header proves the sender. */
export function handleTelegramWebhook(channelId: string, rawBody: Uint8Array, secretToken: string | null) {
  return run(() => receiveTelegramWebhook({ channelId, rawBody, secretToken }));
}
