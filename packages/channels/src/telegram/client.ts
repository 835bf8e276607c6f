import { ChannelSendError, type TSendFailure } from "../types";
import type { TTelegramEndpoint } from "./config";

/*
 * The Bot API over plain HTTP (fetch): `POST <base>/bot<token>/<method>`, answers
 * `{ ok, result }` or `{ ok: false, error_code, description, parameters }`. The base URL comes
 * from packages/config (TELEGRAM_API_URL). Every failure becomes a ChannelSendError whose
 * `retryable` decides whether the delivery job tries again, and whose `retryAfterMs` carries
 * Telegram's own wait on 429. The token is part of the URL: never log a URL from here.
 */

type TBotApiAnswer<T> = {
  ok?: boolean;
  result?: T;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};

/** Telegram's description of a refusal, in words an agent understands (the UI may localise by code). */
export function telegramFailure(status: number, description: string | null): TSendFailure {
  const detail = (description ?? `HTTP ${status}`).slice(0, 300);
  if (status === 429)
    return { code: "rate_limited", message: "Telegram asked us to slow down; we try again shortly.", retryable: true };
  if (status >= 500)
    return { code: "service_error", message: `Telegram had a problem (${detail}); we try again.`, retryable: true };
  if (status === 403 && /blocked by the user/i.test(detail))
    return {
      code: "recipient_blocked",
      message: "The customer blocked this bot in Telegram, so it cannot send them messages.",
      retryable: false,
    };
  if (status === 403 && /deactivated/i.test(detail))
    return { code: "recipient_unavailable", message: "This Telegram account was deleted.", retryable: false };
  if (status === 401)
    return {
      code: "token_invalid",
      message: "Telegram refused the bot token. Connect the bot again in Settings → Channels.",
      retryable: false,
    };
  if (/chat not found/i.test(detail))
    return { code: "no_recipient", message: "Telegram does not know this chat.", retryable: false };
  return { code: "rejected", message: `Telegram refused the message: ${detail}`, retryable: false };
}

const botUrl = (endpoint: TTelegramEndpoint, token: string, method: string) =>
  `${endpoint.baseUrl.replace(/\/+$/, "")}/bot${token}/${method}`;

async function call(endpoint: TTelegramEndpoint, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(endpoint.timeoutMs), redirect: "error" });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new ChannelSendError({
      code: timedOut ? "timeout" : "unreachable",
      message: timedOut
        ? "Telegram did not answer in time; we try again."
        : "Telegram could not be reached; we try again.",
      retryable: true,
    });
  }
}

/** One Bot API method. `params` go as JSON; a FormData (file uploads) as multipart. */
export async function botApi<T>(
  endpoint: TTelegramEndpoint,
  token: string,
  method: string,
  params: Record<string, unknown> | FormData = {},
): Promise<T> {
  const init: RequestInit =
    params instanceof FormData
      ? { method: "POST", body: params }
      : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) };
  const response = await call(endpoint, botUrl(endpoint, token, method), init);
  const text = await response.text().catch(() => "");
  let answer: TBotApiAnswer<T> | null = null;
  try {
    answer = text ? (JSON.parse(text) as TBotApiAnswer<T>) : null;
  } catch {
    answer = null;
  }
  if (response.ok && answer?.ok === true && answer.result !== undefined) return answer.result;
  const status = response.ok ? (answer?.error_code ?? 502) : response.status;
  const failure = telegramFailure(status, answer?.description ?? null);
  const retryAfter = answer?.parameters?.retry_after;
  throw new ChannelSendError(
    failure,
    answer?.error_code ?? status,
    status === 429 && typeof retryAfter === "number" && retryAfter >= 0 ? Math.min(retryAfter, 3600) * 1000 : null,
  );
}

/**
 * A file from `<base>/file/bot<token>/<file_path>`, refused over `maxBytes` while it streams in.
 * The path comes from getFile (outside input): only plain path characters, no "..", and the
 * resulting URL must stay on the configured host, so a crafted path cannot send the token elsewhere.
 */
export async function botFileDownload(
  endpoint: TTelegramEndpoint,
  token: string,
  filePath: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const base = new URL(endpoint.baseUrl);
  if (!/^[A-Za-z0-9_.\-/]{1,512}$/.test(filePath) || filePath.split("/").some((s) => s === ".." || s === "."))
    throw downloadRefused("Telegram gave a file path we do not follow.");
  const url = new URL(`${endpoint.baseUrl.replace(/\/+$/, "")}/file/bot${token}/${filePath.replace(/^\/+/, "")}`);
  if (url.origin !== base.origin) throw downloadRefused("The file is not on Telegram's host.");
  const response = await call(endpoint, url.toString(), { method: "GET" });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    // A file Telegram no longer has (or never had) will not come back by asking again.
    if (response.status === 404 || response.status === 400) throw downloadRefused("Telegram no longer has this file.");
    throw new ChannelSendError(telegramFailure(response.status, null), response.status);
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
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

function downloadRefused(message: string) {
  return new ChannelSendError({ code: "media_download_failed", message, retryable: false });
}

function tooLarge(maxBytes: number) {
  return new ChannelSendError({
    code: "media_too_large",
    message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    retryable: false,
  });
}
