import webpush from "web-push";
import { getConfig } from "@forecourt/config";
import { appDb } from "@forecourt/db";
import { decryptSecret } from "../crypto/secret-box";
import { assertPushServiceEndpoint } from "./push-service-hosts";

export type TPushPayload = { title: string; body: string; url: string; tag: string };
type TStoredSubscription = { id: string; endpoint: string; p256dh: string; authEncrypted: string };

/** A push service that does not answer in this long is given up on (the job does not retry a push). */
const PUSH_TIMEOUT_MS = 5_000;

/**
 * Sends one encrypted push (RFC 8291 aes128gcm, signed with our VAPID key, RFC 8292). web-push
 * builds the request; we send it with fetch, so the timeout, "no redirects" and the host check
 * are ours. A subscription the service calls gone (404, 410) is deleted: the browser dropped it.
 */
export async function sendWebPush(
  subscription: TStoredSubscription,
  payload: TPushPayload,
): Promise<"sent" | "gone" | "failed"> {
  const config = getConfig();
  // Checked again at send: the allow-list may have shrunk since the browser subscribed.
  try {
    assertPushServiceEndpoint(subscription.endpoint);
  } catch {
    await appDb().pushSubscription.deleteMany({ where: { id: subscription.id } });
    return "gone";
  }
  const request = webpush.generateRequestDetails(
    {
      endpoint: subscription.endpoint,
      keys: { p256dh: subscription.p256dh, auth: decryptSecret(subscription.authEncrypted) },
    },
    JSON.stringify(payload),
    {
      vapidDetails: {
        subject: config.VAPID_SUBJECT,
        publicKey: config.VAPID_PUBLIC_KEY,
        privateKey: config.VAPID_PRIVATE_KEY,
      },
      // A notification about a chat is worth little after an hour.
      TTL: 3600,
      urgency: "high",
      // One notification per conversation: a newer one replaces what the service still holds.
      topic: payload.tag.replaceAll("-", "").slice(0, 32),
    },
  );
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: request.body ? new Uint8Array(request.body) : null,
    redirect: "manual",
    signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
  }).catch(() => null);
  if (!response) return "failed";
  await response.body?.cancel();
  if (response.status === 404 || response.status === 410) {
    await appDb().pushSubscription.deleteMany({ where: { id: subscription.id } });
    return "gone";
  }
  if (response.status < 200 || response.status >= 300) return "failed";
  await appDb().pushSubscription.updateMany({ where: { id: subscription.id }, data: { lastSuccessAt: new Date() } });
  return "sent";
}
