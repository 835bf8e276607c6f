/*
 * How many SMS segments a text costs (3GPP TS 23.038 / 23.040). Pure and dependency-free, so
 * the web composer imports it without pulling any SDK into the browser bundle.
 *
 * - GSM-7: 160 septets in one message, 153 per part when split (the 7-septet UDH says which part).
 *   The extension table's characters (`^ { } \ [ ~ ] | €` and form feed) take two septets, an
 *   escape and the character, and the pair is never split across parts.
 * - Anything outside GSM-7 (an emoji, "ł", a curly quote) switches the whole message to UCS-2:
 *   70 UTF-16 code units in one message, 67 per part; a surrogate pair is never split.
 *
 * Carriers and Twilio count the same way. Twilio's optional "Smart Encoding" (a Messaging
 * Service setting) may replace curly quotes and the like with GSM characters before sending, so
 * the real count can be lower than shown here, never higher.
 */

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENSION = "\f^{}\\[~]|€";

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type TSmsEncoding = "GSM-7" | "UCS-2";

export type TSmsSegments = {
  encoding: TSmsEncoding;
  /** Parts the message is sent as (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) used. */
  units: number;
  /** Units left in the last part before another part starts. */
  remainingInSegment: number;
  /** The characters that forced UCS-2 (first few, for a hint in the composer). */
  nonGsmCharacters: string[];
};

const LIMITS: Record<TSmsEncoding, { single: number; multi: number }> = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
};

/** The encoding and the segment count of `text`, as the carrier will send it. */
export function smsSegments(text: string): TSmsSegments {
  const nonGsm: string[] = [];
  for (const ch of text)
    if (!BASIC.has(ch) && !EXTENSION.has(ch) && !nonGsm.includes(ch) && nonGsm.push(ch) >= 5) break;
  const encoding: TSmsEncoding = nonGsm.length === 0 ? "GSM-7" : "UCS-2";
  // Each character's cost in units: GSM extension characters 2, UCS-2 astral characters 2.
  const costs: number[] = [];
  for (const ch of text) costs.push(encoding === "GSM-7" ? (EXTENSION.has(ch) ? 2 : 1) : ch.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  if (units === 0) return { encoding, segments: 0, units, remainingInSegment: limit.single, nonGsmCharacters: nonGsm };
  if (units <= limit.single)
    return { encoding, segments: 1, units, remainingInSegment: limit.single - units, nonGsmCharacters: nonGsm };
  // Greedy packing: a two-unit character that does not fit in a part starts the next one.
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limit.multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units, remainingInSegment: limit.multi - used, nonGsmCharacters: nonGsm };
}
