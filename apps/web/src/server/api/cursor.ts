import type { z } from "zod";
import { InvalidInputError } from "@forecourt/core/errors";

/*
 * Opaque page cursors: base64url JSON of the keyset position of the last row. Clients must not
 * build them; a cursor that does not parse is a 400, never a 500.
 */

export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string | undefined): z.output<T> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  throw new InvalidInputError("Invalid cursor: pass nextCursor from the previous page unchanged", [
    { path: "cursor", message: "Invalid cursor." },
  ]);
}
