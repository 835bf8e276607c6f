import { InvalidInputError } from "@forecourt/core/errors";

export const NUL_MESSAGE = "Text may not contain NUL characters (\\u0000)";

/**
 * The path of the first string (or key) in `value` that holds U+0000, or null. NUL cannot be
 * stored in PostgreSQL text and has no place in any field, so input is refused with 400 before
 * parsing (it used to reach the database and answer 500).
 */
export function findNulPath(value: unknown, path = "", depth = 0): string | null {
  if (depth > 32) return null;
  if (typeof value === "string") return value.includes("\u0000") ? path || "(input)" : null;
  if (value instanceof File) return findNulPath(value.name, path, depth + 1);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulPath(item, path ? `${path}.${index}` : String(index), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) return at;
      const found = findNulPath(item, at, depth + 1);
      if (found !== null) return found;
    }
  }
  return null;
}

export function assertNoNul(value: unknown): void {
  const path = findNulPath(value);
  if (path !== null) throw new InvalidInputError(NUL_MESSAGE, [{ path, message: "NUL characters are not allowed" }]);
}
