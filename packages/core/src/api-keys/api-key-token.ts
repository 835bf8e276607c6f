import { randomBytes } from "node:crypto";
import { sha256 } from "../chat/keys";

/*
 * API keys: `fc_live_<customer id as 32 hex>_<43 random base64url characters>`. Row-level
 * security hides every key until the tenant is known, so the key carries its customer id (as the
 * widget key and the visitor token do); only its SHA-256 is stored. 256 random bits need no slow
 * hash: nobody can guess a preimage, and a lookup by hash stays one index probe per request.
 */

const KEY = /^fc_live_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function newApiKeyToken(customerId: string): { token: string; prefix: string; keyHash: string } {
  const secret = randomBytes(32).toString("base64url");
  const token = `fc_live_${customerId.replaceAll("-", "")}_${secret}`;
  return { token, prefix: `fc_live_…${secret.slice(-6)}`, keyHash: sha256(token) };
}

/** The customer id and hash of a well-formed key, or null (a malformed key is simply unknown). */
export function parseApiKeyToken(token: string): { customerId: string; keyHash: string } | null {
  const hex = KEY.exec(token)?.[1];
  if (!hex) return null;
  const customerId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { customerId, keyHash: sha256(token) };
}
