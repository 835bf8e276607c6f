import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";

/** A new signing secret in the Standard Webhooks form: "whsec_" + base64 of 32 random bytes. */
export function newWebhookSecret(): { secret: string; sealed: string } {
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  return { secret, sealed: encryptSecret(secret) };
}

export type TEndpointSecrets = {
  secretEncrypted: string;
  previousSecretEncrypted: string | null;
  previousSecretExpiresAt: Date | null;
};

/**
 * The `webhook-signature` header: "v1,<base64 HMAC-SHA256 of id.timestamp.body>" for the current
 * secret, and during a rotation (until previousSecretExpiresAt) also for the previous one,
 * space-separated, as the spec allows, so receivers can switch secrets without losing a delivery.
 */
export function signWebhook(
  endpoint: TEndpointSecrets,
  message: { id: string; timestamp: Date; body: string },
  now = new Date(),
): string {
  const sealed = [endpoint.secretEncrypted];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    sealed.push(endpoint.previousSecretEncrypted);
  return sealed.map((s) => new Webhook(decryptSecret(s)).sign(message.id, message.timestamp, message.body)).join(" ");
}
