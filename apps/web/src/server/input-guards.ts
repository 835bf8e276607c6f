/**
 * The path of the first string (or key) in `value` that holds a NUL character, or null. NUL
 * cannot be stored in PostgreSQL text and has no place in any form field, so the one door
 * refuses it with 400 before parsing (it used to reach the database and answer 500).
 */
export function findNulPath(value: unknown, path = "", depth = 0): string | null {
  if (depth > 32) return null;
  if (typeof value === "string") return value.includes("\u0000") ? path || "(input)" : null;
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
