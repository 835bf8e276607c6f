import { HttpRefusal } from "./refusal";

export const NUL_MESSAGE = "Text may not contain NUL characters (\\u0000)";

/** Whether any string (or object key) in a parsed JSON value contains U+0000, which PostgreSQL text refuses. */
export function containsNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => k.includes("\u0000") || containsNul(v));
  }
  return false;
}

export function assertNoNul(value: unknown): void {
  if (containsNul(value)) throw new HttpRefusal(400, "invalid_payload", NUL_MESSAGE);
}
