import { createHash, randomInt } from "node:crypto";

/** How many codes a set has. */
export const RECOVERY_CODE_COUNT = 10;

// Crockford-style base32 without the look-alikes 0/O and 1/I/L: 31 symbols, ~4.95 bits each.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const LENGTH = 10;

/** A fresh code, shown to the user as "XXXXX-XXXXX" (about 49 random bits). */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What the user typed, without case, spaces or dashes; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** Whether a sign-in's second factor looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(typed: string): boolean {
  return normaliseRecoveryCode(typed) !== null;
}

export function hashRecoveryCode(normalised: string): string {
  return createHash("sha256").update(`forecourt-recovery:${normalised}`).digest("hex");
}
