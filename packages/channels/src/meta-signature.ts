import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Meta signs every webhook POST with the app secret: `X-Hub-Signature-256: sha256=<hex>` over
 * the raw request bytes (re-serialised JSON would not match). Compared in constant time.
 */
export function metaSignatureOf(rawBody: Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

export function verifyMetaSignature(
  rawBody: Uint8Array,
  header: string | null | undefined,
  appSecret: string,
): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header.trim())) return false;
  const expected = Buffer.from(metaSignatureOf(rawBody, appSecret), "utf8");
  const given = Buffer.from(header.trim().toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The GET handshake: 200 with the challenge when mode and token match, else refuse. */
export function metaHandshake(query: {
  mode: string | null;
  token: string | null;
  challenge: string | null;
}): { ok: true; challenge: string } | { ok: false } {
  if (query.mode !== "subscribe" || !query.token || !query.challenge) return { ok: false };
  if (query.challenge.length > 256 || !/^[\x21-\x7e]+$/.test(query.challenge)) return { ok: false };
  return { ok: true, challenge: query.challenge };
}
