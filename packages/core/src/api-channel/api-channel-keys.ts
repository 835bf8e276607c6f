import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";

/*
 * The keys of an API channel (docs/api-channel.md). The inbox identifier is public and carries
 * the customer id, like the widget key (row-level security hides the channel until the tenant is
 * known). The HMAC secret stays with the customer's backend and in our database, encrypted.
 */

const UUID_HEX = /^[0-9a-f]{32}$/;

/** `in_<customer id as 32 hex>_<random>`: names the inbox; grants nothing without a valid hash. */
export function newInboxIdentifier(customerId: string): string {
  return `in_${customerId.replaceAll("-", "")}_${randomBytes(12).toString("base64url")}`;
}

/** The customer id inside an inbox identifier, or null when it is malformed. */
export function customerIdOfInboxIdentifier(identifier: string): string | null {
  const match = /^in_([0-9a-f]{32})_[A-Za-z0-9_-]{6,40}$/.exec(identifier);
  const hex = match?.[1];
  if (!hex || !UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new HMAC secret: 32 random bytes, hex (what the customer's backend pastes into its config). */
export function newApiChannelSecret(): string {
  return randomBytes(32).toString("hex");
}

/** What an app's backend computes: hex HMAC-SHA256 of the identifier under the channel secret. */
export function identifierHashOf(secret: string, identifier: string): string {
  return createHmac("sha256", secret).update(identifier, "utf8").digest("hex");
}

/** Constant-time check of an app's identifierHash (hex, any case). */
export function identifierHashValid(secret: string, identifier: string, given: string): boolean {
  const expected = Buffer.from(identifierHashOf(secret, identifier), "hex");
  const actual = /^[0-9a-fA-F]{64}$/.test(given) ? Buffer.from(given, "hex") : Buffer.alloc(0);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const ZApiChannelSecrets = z.object({ hmacSecret: z.string().min(32) });
export type TApiChannelSecrets = z.infer<typeof ZApiChannelSecrets>;

export function sealApiChannelSecrets(secrets: TApiChannelSecrets): string {
  return encryptSecret(JSON.stringify(ZApiChannelSecrets.parse(secrets)));
}

/** The channel's secrets, or null when none are stored (never the case for a channel we created). */
export function openApiChannelSecrets(sealed: string | null): TApiChannelSecrets | null {
  if (!sealed) return null;
  const parsed = ZApiChannelSecrets.safeParse(JSON.parse(decryptSecret(sealed)));
  return parsed.success ? parsed.data : null;
}

/** The contact's identity on an API channel: per channel, so two apps of one customer never share a user by accident. */
export function apiIdentityExternalId(channelId: string, identifier: string): string {
  return `${channelId}:${identifier}`;
}
