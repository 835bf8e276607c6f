import { createHash, randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "@forecourt/auth";
import { getConfig } from "@forecourt/config";

/**
 * Secrets at rest (TOTP seeds, channel tokens): AES-256-GCM with ENCRYPTION_KEY
 * (packages/auth secret-box.ts, which the seed uses too).
 * Format: "v1.<iv base64url>.<tag base64url>.<ciphertext base64url>".
 */
export function encryptSecret(plaintext: string): string {
  return sealSecret(plaintext, getConfig().ENCRYPTION_KEY);
}

export function decryptSecret(sealed: string): string {
  return openSecret(sealed, getConfig().ENCRYPTION_KEY);
}

/** A random token for a link (invitation, password reset); only its SHA-256 is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
