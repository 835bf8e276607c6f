import { NextResponse } from "next/server";
import { z } from "zod";
import { ChatError, NotFoundError } from "@forecourt/core/chat/agent";
import { resolveVisitorSession, type TVisitor } from "@forecourt/core/chat/resolve-visitor-session";
import { ForbiddenError } from "@forecourt/core/errors";

/** A JSON error the widget and inbox show as it is: `{ error, code }` with a fitting status. */
export function jsonError(status: number, code: string, error: string, headers: HeadersInit = {}) {
  return NextResponse.json({ error, code }, { status, headers });
}

/** Maps what core throws to HTTP; anything unknown is logged and answered with a plain 500. */
export function errorResponse(error: unknown, headers: HeadersInit = {}) {
  if (error instanceof z.ZodError) {
    return jsonError(
      400,
      "invalid_payload",
      error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      headers,
    );
  }
  if (error instanceof ChatError) {
    const status = error.code === "rate_limited" ? 429 : error.code === "forbidden" ? 403 : 400;
    return jsonError(status, error.code, error.message, headers);
  }
  if (error instanceof NotFoundError) return jsonError(404, "not_found", "Not found", headers);
  if (error instanceof ForbiddenError) return jsonError(403, "forbidden", error.message, headers);
  console.error(error);
  return jsonError(500, "server_error", "Something went wrong", headers);
}

/** The widget visitor named by `Authorization: Bearer <visitor token>`, or null. */
export async function visitorFromRequest(request: Request): Promise<TVisitor | null> {
  const header = request.headers.get("authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  return token ? resolveVisitorSession({ token }) : null;
}
