/*
 * breached-passwords.json: passwords that must never be accepted — the most common passwords of
 * public breach corpora and their usual variants (word + digits/years/"!", doubled words),
 * shipped with the code so the check needs no network. A data file, not code: regenerate or
 * extend it freely (one string per entry); compared case-insensitively.
 */
import BREACHED_PASSWORDS from "./breached-passwords.json" with { type: "json" };

/** Password rules (NIST SP 800-63B style): length, plus a list of breached passwords. No composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let breached: Set<string> | undefined;
function breachedSet(): Set<string> {
  breached ??= new Set(BREACHED_PASSWORDS.map((line) => line.trim().toLowerCase()).filter(Boolean));
  return breached;
}

export type TPasswordProblem = "too_short" | "too_long" | "breached" | "contains_email";

/** Null when the password is acceptable, otherwise the first rule it breaks. */
export function passwordProblem(password: string, context: { email?: string } = {}): TPasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "too_short";
  if (length > PASSWORD_MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (breachedSet().has(lower) || breachedSet().has(lower.replace(/[^a-z0-9]+$/, ""))) return "breached";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "contains_email";
  return null;
}
