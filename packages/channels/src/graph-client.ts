import { ChannelSendError, type TGraphEndpoint, type TSendFailure } from "./types";

/*
 * Meta's Graph API over plain HTTP (fetch). The base URL comes from packages/config: the real host
 * in production, the local stand-in in tests and the demo. Every failure becomes a
 * ChannelSendError whose `retryable` decides whether the delivery job tries again: network
 * errors, time-outs, 429 and 5xx are retried; anything Meta says is wrong with the request is not.
 */

type TGraphErrorBody = { error?: { code?: number; error_subcode?: number; message?: string; error_user_msg?: string } };

/** Graph error codes that mean "slow down": retry later. */
const THROTTLED = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);

/** Meta's permanent refusals, in words an agent understands (the UI may localise by code). */
const PERMANENT: Record<number, { code: string; message: string }> = {
  131047: {
    code: "reply_window_closed",
    message: "More than 24 hours have passed since the customer last wrote. Send an approved template instead.",
  },
  131026: {
    code: "undeliverable",
    message: "WhatsApp could not deliver this message to the number (not on WhatsApp, or an old app).",
  },
  131051: { code: "unsupported_type", message: "WhatsApp does not support this kind of message." },
  131052: { code: "media_download_failed", message: "WhatsApp could not download the file." },
  131053: {
    code: "media_upload_failed",
    message: "WhatsApp refused the file (voice notes must be OGG/Opus; check type and size).",
  },
  132000: { code: "template_variables", message: "The template's variables do not match the approved template." },
  132001: { code: "template_missing", message: "This template does not exist in that language (sync templates)." },
  132015: { code: "template_paused", message: "The template is paused by Meta for low quality." },
  190: { code: "token_invalid", message: "Meta refused the access token. Update it in Settings → Channels." },
  200: { code: "permission_denied", message: "The Meta app lacks the permission to send from this number or page." },
  551: { code: "recipient_unavailable", message: "This person is not available on Messenger right now." },
};

export function graphFailure(status: number, body: TGraphErrorBody | null): TSendFailure {
  const code = body?.error?.code;
  const subcode = body?.error?.error_subcode;
  const detail = body?.error?.error_user_msg ?? body?.error?.message ?? `HTTP ${status}`;
  if (code === 10 && subcode === 2018278)
    return {
      code: "reply_window_closed",
      message: "More than 24 hours have passed since the customer last wrote (7 days for a person answering).",
      retryable: false,
    };
  if (code !== undefined && PERMANENT[code]) return { ...PERMANENT[code], retryable: false };
  if (status === 429 || (code !== undefined && THROTTLED.has(code)))
    return { code: "rate_limited", message: "Meta asked us to slow down; we try again shortly.", retryable: true };
  if (status >= 500)
    return { code: "service_error", message: `Meta had a problem (${detail}); we try again.`, retryable: true };
  return { code: "rejected", message: `Meta refused the message: ${detail}`, retryable: false };
}

export type TGraphRequest = {
  method: "GET" | "POST";
  /** Path after the version, e.g. `123/messages`. */
  path: string;
  token: string;
  json?: unknown;
  form?: FormData;
};

function urlOf(endpoint: TGraphEndpoint, path: string): string {
  return `${endpoint.baseUrl.replace(/\/+$/, "")}/${endpoint.version}/${path.replace(/^\/+/, "")}`;
}

async function call(endpoint: TGraphEndpoint, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(endpoint.timeoutMs), redirect: "error" });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new ChannelSendError({
      code: timedOut ? "timeout" : "unreachable",
      message: timedOut ? "Meta did not answer in time; we try again." : "Meta could not be reached; we try again.",
      retryable: true,
    });
  }
}

export async function graphJson<T>(endpoint: TGraphEndpoint, request: TGraphRequest): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${request.token}` };
  let body: string | FormData | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form) body = request.form;
  const response = await call(endpoint, urlOf(endpoint, request.path), { method: request.method, headers, body });
  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const failure = graphFailure(response.status, parsed as TGraphErrorBody | null);
    throw new ChannelSendError(failure, (parsed as TGraphErrorBody | null)?.error?.code ?? null);
  }
  return parsed as T;
}

/** Downloads bytes (media URLs), refusing anything over `maxBytes` while it streams in. */
export async function graphDownload(
  endpoint: TGraphEndpoint,
  url: string,
  token: string | null,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const response = await call(endpoint, url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ChannelSendError(graphFailure(response.status, null));
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type") };
}

function tooLarge(maxBytes: number) {
  return new ChannelSendError({
    code: "media_too_large",
    message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    retryable: false,
  });
}
