/*
 * SMS opt-out keywords. A message that is exactly one of these words (any case, surrounding
 * spaces and punctuation ignored) records or clears the opt-out on the sender's identity.
 *
 * - Twilio's defaults (Advanced Opt-Out and the built-in handling of US/Canadian numbers):
 *   STOP, STOPALL, STOP ALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE; back in with START,
 *   UNSTOP, YES. When Twilio says what it did (the `OptOutType` parameter: STOP, START, HELP),
 *   that wins, so we never disagree with the account's own keyword list.
 * - Outside North America carriers do no keyword handling; STOP is understood everywhere, and
 *   the words Dutch, German and Danish senders advertise in "reply … to unsubscribe" footers:
 *   Dutch AFMELDEN, UITSCHRIJVEN (in: AANMELDEN); German STOPP, ABMELDEN, ABBESTELLEN
 *   (in: ANMELDEN); Danish AFMELD, FRAMELD (in: TILMELD).
 * HELP/INFO are not consent changes: they stay ordinary messages for an agent to answer.
 */

export const OPT_OUT_KEYWORDS = [
  "STOP",
  "STOPALL",
  "STOP ALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "OPTOUT",
  "REVOKE",
  "AFMELDEN",
  "UITSCHRIJVEN",
  "STOPP",
  "ABMELDEN",
  "ABBESTELLEN",
  "AFMELD",
  "FRAMELD",
] as const;
export const OPT_IN_KEYWORDS = ["START", "UNSTOP", "YES", "AANMELDEN", "ANMELDEN", "TILMELD"] as const;

export type TOptOutChange = { optedOut: boolean; keyword: string };

const normalise = (text: string) =>
  text
    .normalize("NFKC")
    .trim()
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .replace(/\s+/g, " ")
    .toUpperCase();

/** What an inbound SMS does to the sender's consent: opt out, opt back in, or nothing (null). */
export function optOutChangeOf(body: string, optOutType: string | null | undefined): TOptOutChange | null {
  const keyword = normalise(body).slice(0, 40);
  const type = optOutType?.trim().toUpperCase();
  if (type === "STOP") return { optedOut: true, keyword: keyword || "STOP" };
  if (type === "START") return { optedOut: false, keyword: keyword || "START" };
  if (type) return null; // HELP (or a type Twilio adds later): not a consent change
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(keyword)) return { optedOut: true, keyword };
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(keyword)) return { optedOut: false, keyword };
  return null;
}
