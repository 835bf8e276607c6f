import { NextResponse } from "next/server";
import { toFailure, type THandlerFailure, type THandlerMeta, type THandlerResult } from "./handlers/result";
import { clientIp } from "./client-ip";
import { readJsonBody, readUploadBody, UPLOAD_MAX_BYTES } from "./http/read-body";
import { assertSameOrigin } from "./http/same-origin";

/** The JSON body of a refusal: `{ code, error, details?, issues? }` (docs/errors.md), with its status and headers. */
export function failureResponse(failure: THandlerFailure, headers: HeadersInit = {}) {
  const body = {
    code: failure.error,
    error: failure.message,
    ...(failure.details ? { details: failure.details } : {}),
    ...(failure.issues ? { issues: failure.issues } : {}),
  };
  return NextResponse.json(body, { status: failure.status, headers: { ...failure.headers, ...headers } });
}

/**
 * Answers a route from its handler: a refusal becomes its JSON body and status; success goes
 * through `ok`. What the handler throws is a bug: logged, and a plain 500 without details.
 */
export async function respond<T>(
  result: Promise<THandlerResult<T>> | THandlerResult<T> | (() => Promise<THandlerResult<T>>),
  ok: (data: T) => Response = (data) => NextResponse.json(data),
): Promise<Response> {
  try {
    const r = await (typeof result === "function" ? result() : result);
    return r.ok ? ok(r.data) : failureResponse(r);
  } catch (error) {
    // Reading the body can refuse too (too large, not JSON, not multipart).
    const failure = toFailure(error);
    if (failure) return failureResponse(failure);
    console.error(error);
    return NextResponse.json({ code: "server_error", error: "Something went wrong" }, { status: 500 });
  }
}

/** The caller's address and agent for a route handler (the one place routes read them). */
export function routeMeta(request: Request): THandlerMeta {
  return { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") };
}

/** Query parameters as an object, empty ones left out (so optional schema fields apply). */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries([...new URL(request.url).searchParams].filter(([, value]) => value !== ""));
}

/** A JSON body: application/json only, at most 1 MB while it streams in, no NUL characters. */
export function readJson(request: Request): Promise<unknown> {
  return readJsonBody(request);
}

/** A multipart upload, bounded while it streams in, as plain fields for the handler's schema. */
export async function readUpload(request: Request): Promise<Record<string, unknown>> {
  const form = await readUploadBody(request, { maxBytes: UPLOAD_MAX_BYTES });
  return Object.fromEntries(form.entries());
}

/** The dashboard's state-changing routes: same-origin requests only (CSRF), then the JSON body. */
export function readDashboardJson(request: Request): Promise<unknown> {
  assertSameOrigin(request);
  return readJson(request);
}

/** The inbox upload: same-origin only (CSRF), then the bounded multipart body. */
export function readDashboardUpload(request: Request): Promise<Record<string, unknown>> {
  assertSameOrigin(request);
  return readUpload(request);
}
