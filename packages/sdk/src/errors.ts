import { ZApiError } from "@forecourt/protocol/api";

/**
 * A refusal from Forecourt, in its one error envelope (`{ code, error, details?, issues? }`,
 * docs/errors.md): `status` is the HTTP status (0 for a network failure), `code` the stable code.
 */
export class ForecourtError extends Error {
  override name = "ForecourtError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Seconds to wait before retrying (429 Retry-After), when the server said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Worth retrying with the same idempotency key: network failures, 429, 5xx. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  static async fromResponse(response: Response): Promise<ForecourtError> {
    const retryAfter = Number(response.headers.get("retry-after") ?? "");
    const body: unknown = await response.json().catch(() => null);
    const parsed = ZApiError.safeParse(body);
    return parsed.success
      ? new ForecourtError(
          response.status,
          parsed.data.code,
          parsed.data.error,
          parsed.data.details,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        )
      : new ForecourtError(response.status, "server_error", `HTTP ${response.status}`);
  }
}
