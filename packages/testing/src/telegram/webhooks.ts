import type { TBot, TWebhookDelivery } from "./types";

/*
 * Posting updates to a bot's webhook the way Telegram does: one Update per POST, JSON, with the
 * secret_token given to setWebhook in X-Telegram-Bot-Api-Secret-Token. Every delivery is kept
 * so it can be posted again byte for byte (Telegram retries until it gets a 2xx).
 */

export type TPostResult = { status: number | null; body: string; error: string | null; delivery: TWebhookDelivery };

export class WebhookPoster {
  readonly deliveries: TWebhookDelivery[] = [];
  private counter = 0;

  constructor(private readonly timeoutMs = 20_000) {}

  async post(
    bot: TBot,
    updateId: number,
    update: unknown,
    override?: { secretToken?: string | null },
  ): Promise<TPostResult> {
    if (!bot.webhook) throw new Error(`telegram stand-in: bot ${bot.id} has no webhook (setWebhook first)`);
    const secretToken =
      override && "secretToken" in override ? (override.secretToken ?? null) : bot.webhook.secretToken;
    return this.send({ botId: bot.id, updateId, url: bot.webhook.url, raw: JSON.stringify(update), secretToken });
  }

  /** An earlier delivery's exact bytes and header again (default: the last one). */
  async redeliver(id?: number): Promise<TPostResult> {
    const original = id === undefined ? this.deliveries.at(-1) : this.deliveries.find((d) => d.id === id);
    if (!original) throw new Error(`telegram stand-in: no webhook delivery ${id ?? "yet"} to redeliver`);
    return this.send(original);
  }

  private async send(
    input: Pick<TWebhookDelivery, "botId" | "updateId" | "url" | "raw" | "secretToken">,
  ): Promise<TPostResult> {
    const delivery: TWebhookDelivery = {
      ...input,
      id: ++this.counter,
      status: null,
      response: "",
      error: null,
      at: new Date().toISOString(),
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 2000) this.deliveries.shift();
    try {
      const response = await fetch(input.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(input.secretToken !== null ? { "x-telegram-bot-api-secret-token": input.secretToken } : {}),
        },
        body: input.raw,
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
