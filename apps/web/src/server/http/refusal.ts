/**
 * A request refused at the HTTP edge, before any handler logic: too large, wrong content type,
 * malformed, NUL bytes, cross-origin. Thrown by the readers in this folder; `respond`
 * (chat-http.ts) and `chatRun` answer it as `{ error: message, code }` with its status.
 */
export class HttpRefusal extends Error {
  override name = "HttpRefusal";
  constructor(
    readonly status: 400 | 403 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
