import { NextResponse } from "next/server";
import { failureResponse, readJson, routeMeta } from "../chat-http";
import { toFailure } from "../handlers/result";
import type { TApiEndpoint } from "./endpoint";

/** The bearer token of an API request, or null. */
export function apiTokenOf(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  return /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, "").trim() || null : null;
}

type TRouteContext = { params: Promise<Record<string, string>> };

/**
 * A Next.js route handler for an endpoint: reads the token, the Idempotency-Key, the query and
 * the JSON body (at most 1 MB while it streams in), and answers with the endpoint's result.
 * Server-to-server only: no CORS, so a browser page can never use a key it should not hold.
 */
export function apiRoute(endpoint: TApiEndpoint) {
  return async (request: Request, context: TRouteContext): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const query = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ""));
      const body = endpoint.body ? await readJson(request) : undefined;
      const meta = { ...routeMeta(request), idempotencyKey: request.headers.get("idempotency-key") };
      const result = await endpoint.handle(apiTokenOf(request), { params: await context.params, query, body }, meta);
      const headers: Record<string, string> = result.replayed ? { "idempotent-replayed": "true" } : {};
      if (!result.ok) return failureResponse(result, headers);
      return NextResponse.json(result.data, { status: result.httpStatus, headers });
    } catch (error) {
      const failure = toFailure(error);
      if (failure) return failureResponse(failure);
      console.error(error);
      return NextResponse.json({ code: "server_error", error: "Something went wrong" }, { status: 500 });
    }
  };
}
