import type { IncomingMessage, ServerResponse } from "node:http";
import type { TGraphError } from "./graph-error";

export class BodyTooLarge extends Error {}

/** The raw request bytes, refused beyond `maxBytes` while they stream in. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

/** Graph answers errors with WWW-Authenticate on 401, like graph.facebook.com. */
export function sendGraphError(res: ServerResponse, error: TGraphError) {
  const headers: Record<string, string> = {};
  if (error.status === 401)
    headers["www-authenticate"] = `OAuth "Facebook Platform" "invalid_token" "${error.body.error.message}"`;
  sendJson(res, error.status, error.body, headers);
}

/** A Graph access token: `Authorization: Bearer …` or the `access_token` query parameter. */
export function accessTokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header) {
    const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header);
    return match?.[1] ?? null;
  }
  return url.searchParams.get("access_token");
}

/** A form (multipart or urlencoded) parsed by the platform's own parser (undici's Request). */
export async function parseForm(req: IncomingMessage, raw: Buffer): Promise<FormData | null> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) return null;
  try {
    return await new Request("http://stand-in/", {
      method: "POST",
      headers: { "content-type": type },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    return null;
  }
}

export function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** "audio/ogg; codecs=opus" → "audio/ogg". */
export const baseMime = (type: string) => (type.split(";")[0] ?? "").trim().toLowerCase();
