import { ATTACHMENT_MAX_BYTES } from "@forecourt/protocol";
import { assertNoNul } from "./no-nul";
import { InvalidInputError } from "@forecourt/core/errors";

/** JSON bodies of the app's own routes are small forms; 1 MB is far above any of them. */
export const JSON_MAX_BYTES = 1024 * 1024;

/** An upload: the attachment maximum plus room for the multipart framing and the two small fields. */
export const UPLOAD_MAX_BYTES = ATTACHMENT_MAX_BYTES + 64 * 1024;

function tooLarge(maxBytes: number) {
  const mb = maxBytes / (1024 * 1024);
  return new InvalidInputError(
    `Request body too large (${mb >= 1 ? `${Math.round(mb)} MB` : `${maxBytes} bytes`} at most)`,
    [],
    "payload_too_large",
  );
}

/**
 * The body's bytes, counted while they stream in: as soon as more than `maxBytes` have arrived
 * the stream is cancelled and 413 thrown, whatever Content-Length said (or whether it was sent
 * at all), so a huge or endless chunked body never sits in memory.
 */
export async function readBodyBytes(request: Request, options: { maxBytes: number }): Promise<Uint8Array<ArrayBuffer>> {
  const { maxBytes } = options;
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * A JSON request body, bounded (default 1 MB), as `unknown` for the handler's zod schema.
 * Refuses: a Content-Type other than application/json (415; it also means a cross-site form or
 * `text/plain` fetch, which needs no CORS preflight, is never parsed), invalid UTF-8 or JSON
 * (400), and U+0000 in any string (400, PostgreSQL text cannot hold it).
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  if (mediaType(request) !== "application/json") {
    throw new InvalidInputError("Send the request body as application/json", [], "unsupported_media_type");
  }
  const bytes = await readBodyBytes(request, { maxBytes: options.maxBytes ?? JSON_MAX_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidInputError("The request body is not valid JSON");
  }
  assertNoNul(value);
  return value;
}

/**
 * A multipart/form-data upload, bounded while streaming (then parsed from the bounded buffer,
 * so the parser never sees more than `maxBytes`). A body of another type, or malformed
 * multipart, is a 400 with a message; text fields and file names must not contain U+0000.
 */
export async function readUploadBody(request: Request, options: { maxBytes: number }): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (mediaType(request) !== "multipart/form-data") {
    throw new InvalidInputError("Send the file as multipart/form-data");
  }
  const bytes = await readBodyBytes(request, options);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new InvalidInputError("The upload is not valid multipart/form-data");
  }
  for (const [name, value] of form.entries()) assertNoNul([name, typeof value === "string" ? value : value.name]);
  return form;
}
