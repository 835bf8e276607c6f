import { ForecourtError } from "../errors";

export type THttpOptions = {
  baseUrl: string;
  fetch: typeof fetch;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts for retryable failures (network, 429, 5xx); only for idempotent requests. */
  retries: number;
  /** Backoff base: 250 ms, 500 ms, 1 s… (capped at 8 s; a 429's Retry-After wins). */
  backoffMs: number;
  signal?: AbortSignal;
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
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

/**
 * One JSON (or multipart) request to the Client API. Every request the messaging client sends is
 * idempotent (reads, and sends keyed by clientId), so a retryable failure is retried with backoff.
 */
export async function request<T>(
  options: THttpOptions,
  path: string,
  init: { method: "GET" | "POST"; token?: string | null; json?: unknown; form?: () => FormData },
): Promise<T> {
  const url = `${options.baseUrl.replace(/\/+$/, "")}${path}`;
  for (let attempt = 0; ; attempt++) {
    let failure: ForecourtError;
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const headers: Record<string, string> = { accept: "application/json" };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: RequestInit["body"];
      if (init.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(init.json);
      } else if (init.form) {
        body = init.form();
      }
      const response = await options.fetch(url, { method: init.method, headers, body, signal });
      if (response.ok) return (await response.json()) as T;
      failure = await ForecourtError.fromResponse(response);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      failure = new ForecourtError(0, "network_error", error instanceof Error ? error.message : String(error));
    }
    if (!failure.retryable || attempt >= options.retries) throw failure;
    const backoff = Math.min(8000, options.backoffMs * 2 ** attempt);
    await sleep(failure.retryAfterSeconds ? failure.retryAfterSeconds * 1000 : backoff, options.signal);
  }
}
