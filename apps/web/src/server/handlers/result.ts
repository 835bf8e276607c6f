import { ZodError } from "zod";
import { ForbiddenError, NotFoundError, RuleError } from "@forecourt/core/errors";

/**
 * What every handler returns: handlers are the thin layer between a server action or route and
 * a core use case (parse, call, map). The same mapping gives route handlers their HTTP status.
 */
export type THandlerResult<T = undefined> = { ok: true; data: T } | THandlerFailure;

/**
 * A refusal. `error` is a short code; `message` (chat and widget routes) is the text their JSON
 * body carries; `headers` go on the HTTP response (e.g. retry-after on a 429).
 */
export type THandlerFailure = {
  ok: false;
  status: 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429;
  error: string;
  message?: string;
  headers?: Record<string, string>;
};

export type THandlerMeta = { ip: string | null; userAgent?: string | null };

/** Runs a use case and maps the errors core raises to a status and a short code (never a stack). */
export async function run<T>(fn: () => Promise<T>): Promise<THandlerResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, status: 404, error: "not_found" };
    if (error instanceof ForbiddenError) {
      return { ok: false, status: 403, error: error.message === "two_factor_required" ? error.message : "forbidden" };
    }
    if (error instanceof RuleError) return { ok: false, status: 422, error: error.code };
    if (error instanceof ZodError) return { ok: false, status: 400, error: "invalid_input" };
    throw error;
  }
}

export const unauthenticated = { ok: false, status: 401, error: "unauthenticated" } as const;
export const forbidden = { ok: false, status: 403, error: "forbidden" } as const;
