import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import {
  asAppError,
  httpRefusal,
  type TErrorDetails,
  type TInputIssue,
  type TRefusalStatus,
} from "@forecourt/core/errors";

/**
 * What every handler returns: handlers are the thin layer between a server action or route and
 * a core use case. A refusal carries the one error vocabulary of core (docs/errors.md): the
 * HTTP status, the stable `error` code, the message, and details or input issues.
 */
export type THandlerResult<T = undefined> = { ok: true; data: T } | THandlerFailure;

export type THandlerFailure = {
  ok: false;
  status: TRefusalStatus;
  /** The stable code (docs/errors.md), e.g. not_found, two_factor_required, outside_window. */
  error: string;
  message: string;
  details?: TErrorDetails;
  issues?: TInputIssue[];
  /** For the HTTP response, e.g. retry-after on a 429. */
  headers?: Record<string, string>;
};

export type THandlerMeta = { ip: string | null; userAgent?: string | null };

/** A handler as routes, server actions and the isolation suite call it. */
export type THandler<T> = (
  session: TSessionContext | null,
  raw?: unknown,
  meta?: THandlerMeta,
) => Promise<THandlerResult<T>>;

/** A refusal of core's vocabulary as a handler result; null when `error` is not a refusal (a bug). */
export function toFailure(error: unknown): THandlerFailure | null {
  const refusal = asAppError(error);
  if (!refusal) return null;
  const { status, body, headers } = httpRefusal(refusal);
  return {
    ok: false,
    status,
    error: body.code,
    message: body.error,
    ...(body.details ? { details: body.details } : {}),
    ...(body.issues ? { issues: body.issues } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}

/** Runs `fn`; a refusal becomes a failure result, anything else is rethrown (the route answers 500). */
export async function run<T>(fn: () => Promise<T>): Promise<THandlerResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (error) {
    const failure = toFailure(error);
    if (failure) return failure;
    throw error;
  }
}
