import { ChannelSendError } from "../types";
import type { TTwilioEndpoint, TTwilioSmsConfig, TTwilioSmsSecrets } from "./config";

/*
 * MMS media: Twilio's webhook names each file by a URL on its API host
 * (`/2010-04-01/Accounts/<AccountSid>/Messages/<MessageSid>/Media/<MediaSid>`), readable with
 * the account's Basic auth. The URL came in a webhook, so it is checked before anything is
 * sent to it (SSRF): same origin as TWILIO_API_URL and this account's path, or refused. Twilio
 * answers with a redirect to its media CDN; that hop is followed without the credentials and
 * only to Twilio's own media hosts (or the API host itself, which is what the stand-in does).
 */

const MEDIA_PATH =
  /^\/2010-04-01\/Accounts\/(AC[0-9a-fA-F]{32})\/Messages\/[A-Z]{2}[0-9a-fA-F]{32}\/Media\/ME[0-9a-fA-F]{32}$/;
/** Hosts Twilio serves MMS bytes from after the redirect (HTTPS only). */
const CDN_HOSTS = [
  /^([a-z0-9-]+\.)*twiliocdn\.com$/i,
  /^([a-z0-9-]+\.)*twilio\.com$/i,
  /^s3[a-z0-9.-]*\.amazonaws\.com$/i,
];
const MAX_REDIRECTS = 3;

export type TMediaDownload = { bytes: Uint8Array; mimeType: string | null };

function refused(message: string): ChannelSendError {
  return new ChannelSendError({ code: "media_download_failed", message, retryable: false });
}

/** Whether `ref` may be fetched with this account's credentials (the only host and path that get them). */
export function isTwilioMediaUrl(ref: string, endpoint: TTwilioEndpoint, accountSid: string): boolean {
  let url: URL;
  let api: URL;
  try {
    url = new URL(ref);
    api = new URL(endpoint.apiUrl);
  } catch {
    return false;
  }
  if (url.origin !== api.origin || url.username || url.password || url.search) return false;
  const match = MEDIA_PATH.exec(url.pathname);
  return match?.[1] === accountSid;
}

export async function fetchTwilioMedia(
  endpoint: TTwilioEndpoint,
  config: TTwilioSmsConfig,
  secrets: TTwilioSmsSecrets,
  ref: string,
  maxBytes: number,
): Promise<TMediaDownload> {
  if (!isTwilioMediaUrl(ref, endpoint, config.accountSid))
    throw refused("The file's link is not on Twilio's media host for this account, so Forecourt did not fetch it.");
  const api = new URL(endpoint.apiUrl);
  const basic = `Basic ${Buffer.from(`${config.accountSid}:${secrets.authToken}`).toString("base64")}`;
  let url = new URL(ref);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const withCredentials = hop === 0;
    const response = await call(endpoint, url, withCredentials ? { authorization: basic } : {});
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      await response.body?.cancel().catch(() => undefined);
      if (!location) throw refused("Twilio redirected the download nowhere.");
      const next = new URL(location, url);
      const allowed =
        next.origin === api.origin || (next.protocol === "https:" && CDN_HOSTS.some((h) => h.test(next.hostname)));
      if (!allowed)
        throw refused("Twilio's media link redirected to a host that is not Twilio's, so Forecourt stopped.");
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ChannelSendError({
        code: response.status === 404 ? "media_gone" : "media_download_failed",
        message:
          response.status === 404
            ? "Twilio no longer has the file (deleted from the account)."
            : `Twilio refused the download (HTTP ${response.status}).`,
        retryable: response.status >= 500 || response.status === 429,
      });
    }
    return { bytes: await readLimited(response, maxBytes), mimeType: response.headers.get("content-type") };
  }
  throw refused("Too many redirects fetching the file from Twilio.");
}

async function call(endpoint: TTwilioEndpoint, url: URL, headers: Record<string, string>): Promise<Response> {
  try {
    return await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(endpoint.timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new ChannelSendError({
      code: timedOut ? "timeout" : "unreachable",
      message: timedOut
        ? "Twilio did not send the file in time; we try again."
        : "Twilio could not be reached; we try again.",
      retryable: true,
    });
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ChannelSendError({
      code: "media_too_large",
      message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      retryable: false,
    });
  if (Number(response.headers.get("content-length") ?? "0") > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
