import { randomBytes } from "node:crypto";

/** Twilio's 34-character ids: a two-letter prefix (SM, MM, ME, AC, MG) and 32 hex digits. */
export const twilioSid = (prefix: "SM" | "MM" | "ME" | "AC" | "MG") => `${prefix}${randomBytes(16).toString("hex")}`;

/** Twilio's date format in REST answers (RFC 2822). */
export const rfc2822 = (at: Date) => at.toUTCString().replace("GMT", "+0000");
