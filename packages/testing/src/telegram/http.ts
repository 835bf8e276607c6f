import type { IncomingMessage, ServerResponse } from "node:http";
import { parseForm, readBody, sendJson, sleep } from "../meta-graph/http-util";
import type { TFailure } from "./types";

/* Bot API answers: `{ ok: true, result }` or `{ ok: false, error_code, description[, parameters] }`. */

export function sendOk(res: ServerResponse, result: unknown, description?: string) {
  sendJson(res, 200, { ok: true, result, ...(description ? { description } : {}) });
}

export function sendError(res: ServerResponse, status: number, description: string, parameters?: object) {
  sendJson(res, status, { ok: false, error_code: status, description, ...(parameters ? { parameters } : {}) });
}

/** Plays a queued failure. Returns true when it answered (or dropped) the request. */
export async function playFailure(res: ServerResponse, failure: TFailure | null): Promise<boolean> {
  if (!failure) return false;
  switch (failure.kind) {
    case "server_error":
      sendError(res, failure.status ?? 500, "Internal Server Error");
      return true;
    case "rate_limit":
      sendError(res, 429, `Too Many Requests: retry after ${failure.retryAfter}`, { retry_after: failure.retryAfter });
      return true;
    case "blocked":
      sendError(res, 403, "Forbidden: bot was blocked by the user");
      return true;
    case "bad_request":
      sendError(res, 400, `Bad Request: ${failure.description ?? "invalid request"}`);
      return true;
    case "hang":
      await sleep(failure.ms);
      sendError(res, 504, "Gateway Timeout");
      return true;
    case "drop":
      res.socket?.destroy();
      return true;
  }
}

export type TParams = { get(name: string): string | null; file(name: string): File | null };

/**
 * Method parameters as Telegram takes them: the query string, a JSON body, or a form
 * (urlencoded or multipart, where files are uploads).
 */
export async function readParams(req: IncomingMessage, url: URL, maxBytes: number): Promise<TParams | null> {
  const raw = await readBody(req, maxBytes);
  const values = new Map<string, string>();
  const files = new Map<string, File>();
  for (const [k, v] of url.searchParams) values.set(k, v);
  const type = req.headers["content-type"] ?? "";
  if (raw.length > 0 && /^application\/json/i.test(type)) {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return null;
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return null;
    for (const [k, v] of Object.entries(body)) values.set(k, typeof v === "string" ? v : JSON.stringify(v));
  } else if (raw.length > 0) {
    const form = await parseForm(req, raw);
    if (!form) return null;
    for (const [k, v] of form) {
      if (typeof v === "string") values.set(k, v);
      else files.set(k, v);
    }
  }
  return { get: (name) => values.get(name) ?? null, file: (name) => files.get(name) ?? null };
}
