import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Reply tokens: our Reply-To is `<local>+r-<token>@<domain>`, and the token names the
 * conversation, so a customer's answer threads even when their client drops In-Reply-To and
 * References (and they have gone through forwarding that rewrites them). It is the uuid's 16
 * bytes plus an 8-byte HMAC-SHA256 over them, base32 in lower case (39 characters: local parts
 * may be lower-cased on the way, and must stay under 64 characters). Verifying needs only the
 * key, no database; a forged or altered token is simply not one (the mail threads by headers).
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const MAC_BYTES = 8;
const PREFIX = "r-";

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Uint8Array | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

function mac(key: string, id: Uint8Array): Buffer {
  return createHmac("sha256", key).update("forecourt-reply-token\u0000").update(id).digest().subarray(0, MAC_BYTES);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeReplyToken(conversationId: string, key: string): string {
  if (!UUID.test(conversationId)) throw new Error("A reply token names a conversation uuid");
  const id = Buffer.from(conversationId.replaceAll("-", ""), "hex");
  return base32(Buffer.concat([id, mac(key, id)]));
}

/** The conversation a token names, or null when it is not one of ours (forged, altered, truncated). */
export function decodeReplyToken(token: string, key: string): string | null {
  const bytes = unbase32(token.toLowerCase());
  if (!bytes || bytes.length !== 16 + MAC_BYTES) return null;
  const id = bytes.subarray(0, 16);
  if (!timingSafeEqual(Buffer.from(bytes.subarray(16)), mac(key, id))) return null;
  const hex = Buffer.from(id).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Reply-To address of a conversation on a channel's inbound address. */
export function replyAddress(inbound: { localPart: string; domain: string }, token: string): string {
  return `${inbound.localPart}+${PREFIX}${token}@${inbound.domain}`;
}

/**
 * Splits a recipient into the channel's inbound address and the reply token, if any:
 * "sales-x1+r-abc…@in.example" → { localPart: "sales-x1", domain: "in.example", token: "abc…" }.
 * Other "+tags" are ignored (the base address still routes); null for something that is not an address.
 */
export function parseRecipient(address: string): { localPart: string; domain: string; token: string | null } | null {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const plus = local.indexOf("+");
  if (plus < 0) return { localPart: local, domain, token: null };
  const tag = local.slice(plus + 1);
  return {
    localPart: local.slice(0, plus),
    domain,
    token: tag.startsWith(PREFIX) ? tag.slice(PREFIX.length) : null,
  };
}
