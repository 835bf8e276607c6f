import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/*
 * Secrets at rest (TOTP seeds, channel tokens): AES-256-GCM with a 32-byte key (base64).
 * Format: "v1.<iv base64url>.<tag base64url>.<ciphertext base64url>". Here, below packages/db,
 * so the seed seals demo channel secrets the same way core does (core passes ENCRYPTION_KEY).
 */

function keyOf(keyBase64: string): Buffer {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes (base64).");
  return key;
}

export function sealSecret(plaintext: string, keyBase64: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(keyBase64), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

export function openSecret(sealed: string, keyBase64: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", keyOf(keyBase64), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
