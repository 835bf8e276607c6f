import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decryptSecret, encryptSecret } from "../crypto/secret-box";

/**
 * The identity-verification secret of a widget channel (`Forecourt('identify', …)`): the
 * dealer's server signs its user's id with it (hex HMAC-SHA256), and we check that signature
 * before the chat may be linked to a contact. Stored encrypted in Channel.secretsEncrypted as
 * `{ "identitySecret": "…" }`; shown only to administrators in Settings → Channels.
 */
export type TWidgetSecrets = { identitySecret: string };

/** 32 random bytes as 64 hex characters: easy to paste into any server's configuration. */
export function newIdentitySecret(): string {
  return randomBytes(32).toString("hex");
}

export function sealWidgetSecrets(secrets: TWidgetSecrets): string {
  return encryptSecret(JSON.stringify(secrets));
}

/** The secret of a stored widget channel, or null (none generated yet, or unreadable). */
export function openWidgetSecrets(sealed: string | null | undefined): TWidgetSecrets | null {
  if (!sealed) return null;
  try {
    const parsed = JSON.parse(decryptSecret(sealed)) as Partial<TWidgetSecrets>;
    return typeof parsed.identitySecret === "string" && parsed.identitySecret
      ? { identitySecret: parsed.identitySecret }
      : null;
  } catch {
    return null;
  }
}

/** What the dealer's server computes: hex HMAC-SHA256 of the user id with the channel's secret. */
export function userHashFor(secret: string, id: string): string {
  return createHmac("sha256", secret).update(id, "utf8").digest("hex");
}

/**
 * Whether `userHash` signs `id` with `secret`, compared in constant time (over equal-length
 * digests, so neither the content nor the length of the expected value leaks through timing).
 */
export function verifyUserHash(secret: string, id: string, userHash: string): boolean {
  const expected = Buffer.from(userHashFor(secret, id), "hex");
  if (!/^[0-9a-fA-F]{64}$/.test(userHash)) return false;
  const given = Buffer.from(userHash, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
