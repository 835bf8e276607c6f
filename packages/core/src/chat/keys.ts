import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { getConfig } from "@forecourt/config";

/**
 * Keys and tokens of the live chat. Row-level security hides every tenant row until the
 * tenant is known, so the public widget key and the visitor token both carry the customer id:
 * the server reads it, opens `withTenant(customerId)`, and only then looks the key up.
 */

const UUID_HEX = /^[0-9a-f]{32}$/;

function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `wk_<customer id as 32 hex>_<random>`: public (it sits in the dealer's HTML), not a secret. */
export function newWidgetKey(customerId: string): string {
  return `wk_${customerId.replaceAll("-", "")}_${randomBytes(9).toString("base64url")}`;
}

/** The customer id inside a widget key, or null when the key is malformed. */
export function customerIdOfWidgetKey(key: string): string | null {
  const match = /^wk_([0-9a-f]{32})_[A-Za-z0-9_-]{6,40}$/.exec(key);
  return match?.[1] && UUID_HEX.test(match[1]) ? uuidFromHex(match[1]) : null;
}

/** A visitor token `v1.<customerId>.<secret>`; only its SHA-256 is stored (VisitorSession.tokenHash). */
export function newVisitorToken(customerId: string): { token: string; tokenHash: string } {
  const token = `v1.${customerId}.${randomBytes(24).toString("base64url")}`;
  return { token, tokenHash: sha256(token) };
}

export function parseVisitorToken(token: string): { customerId: string; tokenHash: string } | null {
  // A strict UUID: a 36-character run of hex and dashes that is not one would reach
  // PostgreSQL as a tenant id and fail there (500) instead of being an unknown token (401).
  const match = /^v1\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{20,64}$/.exec(
    token,
  );
  return match?.[1] ? { customerId: match[1], tokenHash: sha256(token) } : null;
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A key for one purpose, derived from AUTH_SECRET (HKDF), so one secret never signs two kinds of thing. */
export function derivedKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getConfig().AUTH_SECRET, "forecourt", purpose, 32));
}

export function sign(purpose: string, payload: string): string {
  return createHmac("sha256", derivedKey(purpose)).update(payload).digest("base64url");
}

export function verifySignature(purpose: string, payload: string, signature: string): boolean {
  const expected = Buffer.from(sign(purpose, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
