import twilio from "twilio";
import { ChannelSendError, type TCapabilities, type TOutboundMessage } from "../types";
import type { TTwilioEndpoint, TTwilioSmsConfig, TTwilioSmsSecrets } from "./config";
import { twilioApiFailure } from "./errors";

/*
 * Outbound SMS/MMS through the real `twilio` SDK (no hand-written Twilio HTTP). The SDK always
 * calls https://api.twilio.com, and its `edge`/`region` options cannot name a local host, so a
 * RequestClient subclass rewrites that origin to the configured TWILIO_API_URL (the stand-in in
 * tests and the demo; unchanged in production). Nothing else about the request changes.
 */

const TWILIO_ORIGIN = "https://api.twilio.com";

type TRequestOptions<TData> = Parameters<typeof twilio.RequestClient.prototype.request<TData>>[0];

class RebasedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly apiUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs, keepAlive: false });
  }

  override request<TData>(opts: TRequestOptions<TData>) {
    const uri = opts.uri.startsWith(TWILIO_ORIGIN) ? this.apiUrl + opts.uri.slice(TWILIO_ORIGIN.length) : opts.uri;
    return super.request<TData>({ ...opts, uri });
  }
}

/** An SDK client for one dealer's account, talking to `endpoint.apiUrl`. */
export function twilioClient(endpoint: TTwilioEndpoint, config: TTwilioSmsConfig, secrets: TTwilioSmsSecrets) {
  return twilio(config.accountSid, secrets.authToken, {
    httpClient: new RebasedRequestClient(endpoint.apiUrl.replace(/\/+$/, ""), endpoint.timeoutMs),
    autoRetry: false,
  });
}

/** What an SMS channel can send: text, and pictures/files as MMS (Twilio fetches them from our signed link). */
export const TWILIO_SMS_CAPABILITIES: TCapabilities = {
  outboundMedia: ["image/jpeg", "image/png", "image/gif", "application/pdf", "audio/mpeg", "video/mp4"],
  templates: false,
};

export type TTwilioSmsContext = {
  endpoint: TTwilioEndpoint;
  config: TTwilioSmsConfig;
  secrets: TTwilioSmsSecrets;
  /** Our public status-callback URL for this channel (twilioWebhookUrls(...).status). */
  statusCallbackUrl: string;
};

/** Sends one SMS (or an MMS with one file) to `to` (E.164); returns Twilio's MessageSid. */
export async function sendTwilioSms(
  ctx: TTwilioSmsContext,
  to: string,
  message: TOutboundMessage,
): Promise<{ externalId: string }> {
  if (message.kind === "template")
    throw new ChannelSendError({ code: "unsupported_type", message: "SMS has no templates.", retryable: false });
  const sender = ctx.config.messagingServiceSid
    ? { messagingServiceSid: ctx.config.messagingServiceSid }
    : { from: ctx.config.fromNumber! };
  const content =
    message.kind === "text"
      ? { body: message.text }
      : { mediaUrl: [message.url], ...(message.caption ? { body: message.caption } : {}) };
  try {
    const created = await twilioClient(ctx.endpoint, ctx.config, ctx.secrets).messages.create({
      to,
      ...sender,
      ...content,
      statusCallback: ctx.statusCallbackUrl,
    });
    if (!created.sid)
      throw new ChannelSendError({ code: "service_error", message: "Twilio gave no message id.", retryable: true });
    return { externalId: created.sid };
  } catch (error) {
    throw asSendError(error);
  }
}

/** "Test the connection": the account's own record (GET /2010-04-01/Accounts/{sid}.json). */
export async function fetchTwilioAccount(
  endpoint: TTwilioEndpoint,
  config: TTwilioSmsConfig,
  secrets: TTwilioSmsSecrets,
) {
  try {
    const account = await twilioClient(endpoint, config, secrets).api.v2010.accounts(config.accountSid).fetch();
    return { friendlyName: account.friendlyName, status: account.status };
  } catch (error) {
    throw asSendError(error);
  }
}

/** Twilio's refusals and network failures as ChannelSendError; anything else (a bug) unchanged. */
export function asSendError(error: unknown): unknown {
  if (error instanceof ChannelSendError) return error;
  if (error instanceof twilio.RestException)
    return new ChannelSendError(
      twilioApiFailure(error.status, error.code ?? null, error.message ?? null),
      error.code ?? null,
    );
  // The SDK's transport is axios: its errors carry isAxiosError and a system code.
  if (!(error as { isAxiosError?: boolean } | null)?.isAxiosError) return error;
  const code = (error as { code?: string }).code;
  const timedOut = code === "ECONNABORTED" || code === "ETIMEDOUT";
  return new ChannelSendError({
    code: timedOut ? "timeout" : "unreachable",
    message: timedOut ? "Twilio did not answer in time; we try again." : "Twilio could not be reached; we try again.",
    retryable: true,
  });
}
