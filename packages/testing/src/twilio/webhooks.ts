import { randomUUID } from "node:crypto";
import twilio from "twilio";
import type { TTwilioPostResult, TTwilioWebhook } from "./types";

/*
 * Posting webhooks to us the way Twilio does: a form-encoded body, `X-Twilio-Signature` made by
 * the SDK's own getExpectedTwilioSignature (HMAC-SHA1 of the URL plus the sorted parameters,
 * keyed with the account's Auth Token), Twilio's user agent and idempotency token. Every post
 * is kept so it can be sent again byte for byte (Twilio retries on time-outs).
 */

export class TwilioWebhookPoster {
  readonly deliveries: TTwilioWebhook[] = [];
  private counter = 0;

  /**
   * `deliverTo`: an origin to connect to instead of the URL's own, as a reverse proxy does: the
   * signature still covers the public URL (WEB_URL), the bytes arrive at our process directly.
   */
  constructor(
    private readonly deliverTo: string | null = null,
    private readonly timeoutMs = 15_000,
  ) {}

  async post(
    kind: TTwilioWebhook["kind"],
    url: string,
    authToken: string,
    params: Record<string, string>,
    options: { forge?: boolean } = {},
  ): Promise<TTwilioPostResult> {
    const raw = new URLSearchParams(params).toString();
    // A forged post is signed with a token that is not the account's.
    const key = options.forge ? "f".repeat(32) : authToken;
    const webhook: TTwilioWebhook = {
      id: ++this.counter,
      kind,
      url,
      raw,
      signature: twilio.getExpectedTwilioSignature(key, url, params),
      idempotencyToken: randomUUID(),
      status: null,
      contentType: null,
      response: "",
      error: null,
      at: new Date().toISOString(),
    };
    this.deliveries.push(webhook);
    if (this.deliveries.length > 2000) this.deliveries.shift();
    return this.send(webhook);
  }

  /** An earlier post's exact bytes, signature and idempotency token again (default: the last). */
  async redeliver(id?: number): Promise<TTwilioPostResult> {
    const original = id === undefined ? this.deliveries.at(-1) : this.deliveries.find((d) => d.id === id);
    if (!original) throw new Error(`twilio: no webhook ${id ?? "yet"} to redeliver`);
    const again: TTwilioWebhook = {
      ...original,
      id: ++this.counter,
      status: null,
      response: "",
      error: null,
      at: new Date().toISOString(),
    };
    this.deliveries.push(again);
    return this.send(again);
  }

  private async send(webhook: TTwilioWebhook): Promise<TTwilioPostResult> {
    try {
      const target = this.deliverTo
        ? webhook.url.replace(/^https?:\/\/[^/]+/, this.deliverTo.replace(/\/+$/, ""))
        : webhook.url;
      const response = await fetch(target, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
          "user-agent": "TwilioProxy/1.1",
          "x-twilio-signature": webhook.signature,
          "i-twilio-idempotency-token": webhook.idempotencyToken,
        },
        body: webhook.raw,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "manual",
      });
      webhook.status = response.status;
      webhook.contentType = response.headers.get("content-type");
      webhook.response = (await response.text().catch(() => "")).slice(0, 2000);
    } catch (error) {
      webhook.error = error instanceof Error ? error.message : String(error);
    }
    return {
      status: webhook.status,
      body: webhook.response,
      contentType: webhook.contentType,
      error: webhook.error,
      webhook,
    };
  }
}
