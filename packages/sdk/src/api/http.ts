import { ForecourtError } from "../errors";

export type TClientOptions = {
  /** The app's address, e.g. https://app.forecourt.example (the client adds /api/v1). */
  baseUrl: string;
  /** An API key from Settings → API keys. */
  apiKey: string;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after 429, 5xx and network errors; default 3. */
  maxRetries?: number;
  /** The first retry's delay ceiling (doubling each time, with jitter); default 500 ms. */
  retryBaseMs?: number;
  /** For tests and unusual runtimes; default globalThis.fetch. */
  fetch?: typeof fetch;
};

export type TRequestOptions = {
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /** Writes: the same key replays the first answer (docs/api.md#idempotency). Generated when absent. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** Exponential backoff with full jitter: base, 2 × base, 4 × base … capped at 30 s; Retry-After wins when sent. */
export function retryDelayMs(attempt: number, retryAfterSeconds?: number, base = 500, random = Math.random): number {
  if (retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds)) return retryAfterSeconds * 1000;
  return Math.round(random() * Math.min(30_000, base * 2 ** attempt));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * One API call with retries. A write always carries an Idempotency-Key (the caller's or a fresh
 * one, the same on every retry), so retrying a POST whose answer was lost never does it twice.
 */
export async function apiRequest<T>(
  options: TClientOptions,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  request: TRequestOptions = {},
): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const url = new URL(`${options.baseUrl.replace(/\/$/, "")}/api/v1${path}`);
  for (const [key, value] of Object.entries(request.query ?? {}))
    if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, accept: "application/json" };
  if (request.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") headers["idempotency-key"] = request.idempotencyKey ?? crypto.randomUUID();
  const maxRetries = options.maxRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw error;
      if (attempt >= maxRetries) throw new ForecourtError(0, "network_error", `${method} ${path}: ${String(error)}`);
      await sleep(retryDelayMs(attempt, undefined, options.retryBaseMs), request.signal);
      continue;
    }
    if (response.ok) return (await response.json()) as T;
    const retryAfter = Number(response.headers.get("retry-after") ?? "");
    const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
    if (RETRYABLE.has(response.status) && attempt < maxRetries) {
      await response.arrayBuffer().catch(() => undefined);
      await sleep(retryDelayMs(attempt, retryAfterSeconds, options.retryBaseMs), request.signal);
      continue;
    }
    throw await ForecourtError.fromResponse(response);
  }
}

/** Every item of a cursor-paged list, page after page, as an async iterator. */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
