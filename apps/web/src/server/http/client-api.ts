import { NextResponse } from "next/server";
import { respond } from "../chat-http";
import type { THandlerResult } from "../handlers/result";
import { readJsonBody } from "./read-body";

/*
 * HTTP around the API channel's Client API (/api/v1/client/…). Apps call it from anywhere (a
 * phone, a server, a web app on its own origin), authenticated by a bearer token and never by a
 * cookie, so any origin may call it: CORS answers `*` and allows the Authorization header.
 */

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-expose-headers": "retry-after",
  "access-control-max-age": "600",
};

/** A Client API JSON body: its messages are at most 5,000 characters, so 64 KB is plenty (counted while it streams). */
export const CLIENT_API_JSON_MAX_BYTES = 64 * 1024;

export function readClientJson(request: Request): Promise<unknown> {
  return readJsonBody(request, { maxBytes: CLIENT_API_JSON_MAX_BYTES });
}

/** Answers a Client API route: the handler's result (refusals in the error envelope), with CORS and no caching. */
export async function clientApiRespond<T>(result: () => Promise<THandlerResult<T>>, status = 200): Promise<Response> {
  const response = await respond(result, (data) => NextResponse.json(data, { status }));
  for (const [k, v] of Object.entries(CORS)) response.headers.set(k, v);
  response.headers.set("cache-control", "no-store");
  return response;
}

/** The CORS preflight of every Client API route. */
export function clientApiPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS });
}
