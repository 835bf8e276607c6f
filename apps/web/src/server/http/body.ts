import { InvalidInputError } from "@forecourt/core/errors";
import { ATTACHMENT_MAX_BYTES } from "@forecourt/protocol";

/** JSON bodies of the app's own routes are small; anything larger is refused while it streams in. */
export const JSON_MAX_BYTES = 1024 * 1024;
/** An upload: the file plus the multipart framing and the two small fields. */
export const UPLOAD_MAX_BYTES = ATTACHMENT_MAX_BYTES + 64 * 1024;

/**
 * Reads a request body, counting bytes as they arrive and giving up (413) as soon as `maxBytes`
 * is passed, whatever Content-Length claims (it may be absent or lie, as with chunked uploads).
 */
export async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
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
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes} bytes`;
  return new InvalidInputError(`The request is too large (${size} at most).`, [], "too_large");
}

/** A JSON body (Content-Type application/json, at most 1 MB); anything else is refused with 415 / 400 / 413. */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new InvalidInputError("Send the request as application/json.", [], "unsupported_media_type");
  }
  const bytes = await readBounded(request, JSON_MAX_BYTES);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new InvalidInputError("The request body is not valid JSON.");
  }
}

/** A multipart upload, read with a size bound, as plain fields for the handler's schema. */
export async function readUpload(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new InvalidInputError("Send the file as multipart/form-data.", [], "unsupported_media_type");
  }
  const bytes = await readBounded(request, UPLOAD_MAX_BYTES);
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new InvalidInputError("The upload could not be read as multipart/form-data.");
  }
  return Object.fromEntries(form.entries());
}
