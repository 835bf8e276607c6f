import { NextResponse } from "next/server";
import { z } from "zod";
import { ChatError, NotFoundError } from "@forecourt/core/chat/agent";
import { ForbiddenError } from "@forecourt/core/errors";
import type { THandlerResult } from "./handlers/result";
import { HttpRefusal } from "./http/refusal";

/** A JSON error the widget and inbox show as it is: `{ error, code }` with a fitting status. */
export function jsonError(status: number, code: string, error: string, headers: HeadersInit = {}) {
  return NextResponse.json({ error, code }, { status, headers });
}

/** Maps what core throws to HTTP; anything unknown is logged and answered with a plain 500. */
export function errorResponse(error: unknown, headers: HeadersInit = {}) {
  if (error instanceof HttpRefusal) return jsonError(error.status, error.code, error.message, headers);
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

/**
 * Answers a chat or widget route from its handler: a refusal becomes `{ error, code }` with its
 * status (and headers); success goes through `ok`. What the handler throws is logged and
 * answered with a plain 500.
 */
export async function respond<T>(
  result: Promise<THandlerResult<T>> | THandlerResult<T>,
  ok: (data: T) => Response = (data) => NextResponse.json(data),
): Promise<Response> {
  try {
    const r = await result;
    return r.ok ? ok(r.data) : jsonError(r.status, r.error, r.message ?? r.error, r.headers);
  } catch (error) {
    return errorResponse(error);
  }
}
