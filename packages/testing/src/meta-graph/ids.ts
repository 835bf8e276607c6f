import { randomBytes, randomInt } from "node:crypto";

/*
 * Ids shaped like Meta's: wamids are "wamid." + base64 of a protobuf-ish blob, Messenger mids
 * "m_" + base64url, media ids and PSIDs long digit strings.
 */

export const newWamid = () => `wamid.HBgL${randomBytes(30).toString("base64")}`;
export const newMid = () => `m_${randomBytes(33).toString("base64url")}`;

export function digits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

export const newMediaId = () => digits(16);
/** A business-scoped user id: a country code, a period, digits (Meta's example: US.13491208655302741918). */
export const newBsuid = (country = "NL") => `${country}.${digits(20)}`;
export const newPsid = () => digits(16);

/** Meta's unix-seconds timestamps are strings in WhatsApp payloads. */
export const unixSeconds = (ms: number = Date.now()) => String(Math.floor(ms / 1000));
