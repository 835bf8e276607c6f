import { createHmac } from "node:crypto";
import type { TWebhookDelivery } from "./types";

/*
 * Posting webhooks to us the way Meta does: the JSON bytes signed with the app secret
 * (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, app secret)>`, plus the legacy SHA-1
 * `X-Hub-Signature`), Meta's user agent, and every delivery kept so it can be posted again
 * byte for byte (Meta delivers at least once). Signed here with node:crypto, independently of
 * packages/channels, so a signing mistake on either side shows.
 */

export const signatureOf = (raw: string | Uint8Array, appSecret: string, algorithm: "sha256" | "sha1" = "sha256") =>
  `${algorithm}=${createHmac(algorithm, appSecret).update(raw).digest("hex")}`;

export type TPostResult = { status: number | null; body: string; error: string | null; delivery: TWebhookDelivery };

export class WebhookPoster {
  readonly deliveries: TWebhookDelivery[] = [];
  private secrets = new Map<number, string>();
  private counter = 0;

  constructor(private readonly timeoutMs = 20_000) {}

  async post(url: string, appSecret: string, payload: unknown): Promise<TPostResult> {
    return this.send(url, appSecret, JSON.stringify(payload));
  }

  /** Posts an earlier delivery's exact bytes again (default: the last one). */
  async redeliver(id?: number): Promise<TPostResult> {
    const original = id === undefined ? this.deliveries.at(-1) : this.deliveries.find((d) => d.id === id);
    const secret = original ? this.secrets.get(original.id) : undefined;
    if (!original || secret === undefined)
      throw new Error(`meta-graph: no webhook delivery ${id ?? "yet"} to redeliver`);
    return this.send(original.url, secret, original.raw);
  }

  private async send(url: string, appSecret: string, raw: string): Promise<TPostResult> {
    const delivery: TWebhookDelivery = {
      id: ++this.counter,
      url,
      raw,
      signature: signatureOf(raw, appSecret),
      status: null,
      response: "",
      error: null,
      at: new Date().toISOString(),
    };
    this.secrets.set(delivery.id, appSecret);
    this.deliveries.push(delivery);
    if (this.deliveries.length > 2000) this.secrets.delete(this.deliveries.shift()!.id);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "facebookexternalua",
          "x-hub-signature-256": delivery.signature,
          "x-hub-signature": signatureOf(raw, appSecret, "sha1"),
        },
        body: raw,
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "manual",
      });
      delivery.status = response.status;
      delivery.response = (await response.text().catch(() => "")).slice(0, 2000);
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    return { status: delivery.status, body: delivery.response, error: delivery.error, delivery };
  }
}
