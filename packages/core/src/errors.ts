import { ZodError } from "zod";

/*
 * The one error vocabulary (docs/errors.md). Core throws these; the web app maps them to HTTP
 * with `httpRefusal`, the gateway to socket acks with `ackRefusal`. Codes are stable strings
 * that clients, the UI and (later) the public API share. Anything else that is thrown is a bug
 * and becomes 500 / "unavailable" without its message.
 */

export type TErrorDetails = Record<string, string | number | boolean | null>;

/** Base class: a refusal the caller may see, with a stable code and a human message. */
export abstract class AppError extends Error {
  abstract readonly kind: "unauthenticated" | "forbidden" | "not_found" | "rule" | "rate_limited" | "invalid_input";
  constructor(
    readonly code: string,
    message: string,
    readonly details?: TErrorDetails,
  ) {
    super(message);
  }
}

/** No valid session or token. HTTP 401. */
export class UnauthenticatedError extends AppError {
  override name = "UnauthenticatedError";
  readonly kind = "unauthenticated";
  constructor(message = "Sign in again.") {
    super("unauthenticated", message);
  }
}

/**
 * The principal may not do this (the permission matrix said no). HTTP 403. Codes: `forbidden`,
 * `two_factor_required` (provider rights need a session that passed two-factor), `read_only`
 * (a terminated customer in its read-only period), `cross_site` (a state change without a
 * same-origin request), `origin_not_allowed` (a widget on a site its channel does not list).
 */
export class ForbiddenError extends AppError {
  override name = "ForbiddenError";
  readonly kind = "forbidden";
  constructor(code = "forbidden", message = "You are not allowed to do this.") {
    super(code, message);
  }
}

/** No such object for this principal (absent, or outside its tenant or dealer scope: we never say which). HTTP 404. */
export class NotFoundError extends AppError {
  override name = "NotFoundError";
  readonly kind = "not_found";
  constructor(what = "object") {
    super("not_found", `Not found: ${what}`);
  }
}

/** Well-formed, but a business rule refuses it (e.g. a weak password, a closed window). HTTP 422 with code and details. */
export class RuleError extends AppError {
  override name = "RuleError";
  readonly kind = "rule";
  constructor(code: string, message: string = code, details?: TErrorDetails) {
    super(code, message, details);
  }
}

/** Too many attempts; try again after `retryAfterSeconds`. HTTP 429 with Retry-After. */
export class RateLimitedError extends AppError {
  override name = "RateLimitedError";
  readonly kind = "rate_limited";
  constructor(
    readonly retryAfterSeconds: number,
    message = "Too many attempts. Try again later.",
  ) {
    super("rate_limited", message, { retryAfterSeconds });
  }
}

export type TInputIssue = { path: string; message: string };

/** The input is malformed. HTTP 400 (413 for `payload_too_large`, 415 for `unsupported_media_type`) with the issues. */
export class InvalidInputError extends AppError {
  override name = "InvalidInputError";
  readonly kind = "invalid_input";
  constructor(
    message: string,
    readonly issues: TInputIssue[] = [],
    code: "invalid_input" | "payload_too_large" | "unsupported_media_type" = "invalid_input",
  ) {
    super(code, message);
  }

  static fromZod(error: ZodError): InvalidInputError {
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ") || "Invalid input";
    return new InvalidInputError(message, issues);
  }
}

/** Any thrown value as an AppError, or null when it is not a refusal (a bug: 500 / unavailable). */
export function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return InvalidInputError.fromZod(error);
  return null;
}

export type TRefusalStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429;

const STATUS: Record<AppError["kind"], TRefusalStatus> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  rule: 422,
  rate_limited: 429,
  invalid_input: 400,
};

/** The one mapping to HTTP: status, the JSON body `{ code, error, details?, issues? }` and headers. */
export function httpRefusal(error: AppError): {
  status: TRefusalStatus;
  body: { code: string; error: string; details?: TErrorDetails; issues?: TInputIssue[] };
  headers: Record<string, string>;
} {
  let status = STATUS[error.kind];
  if (error.code === "payload_too_large") status = 413;
  if (error.code === "unsupported_media_type") status = 415;
  const headers: Record<string, string> =
    error instanceof RateLimitedError ? { "retry-after": String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {};
  const body = {
    code: error.code,
    error: error.message,
    ...(error.details ? { details: error.details } : {}),
    ...(error instanceof InvalidInputError && error.issues.length > 0 ? { issues: error.issues } : {}),
  };
  return { status, body, headers };
}

/** The one mapping to socket acks: `{ ok: false, error: { code, message, details? } }`. */
export function ackRefusal(error: AppError) {
  return {
    ok: false as const,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  };
}
