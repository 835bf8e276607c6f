import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { sendJson, sleep } from "../meta-graph/http-util";
import type { TTwilioContext, TTwilioOptions } from "./context";
import { routeControl } from "./control-api";
import { postInbound, postStatus, type TTwilioInbound, type TTwilioInboundResult } from "./inbound";
import { routeRest } from "./rest-api";
import { TwilioState } from "./state";
import type {
  TTwilioAccount,
  TTwilioAccountInput,
  TTwilioFailScope,
  TTwilioFailure,
  TTwilioMessageStatus,
  TTwilioPostResult,
  TTwilioSent,
  TTwilioWebhook,
} from "./types";
import { TwilioWebhookPoster } from "./webhooks";

export type TTwilio = {
  /** http://127.0.0.1:<port>: set TWILIO_API_URL to it. */
  url: string;
  port: number;
  close(): Promise<void>;
  addAccount(account: TTwilioAccountInput): TTwilioAccount;
  accounts(): TTwilioAccount[];
  /** The next `times` (default 1) matching requests fail this way. */
  failNext(failure: TTwilioFailure, options?: { times?: number; on?: TTwilioFailScope; accountSid?: string }): void;
  clearFailures(): void;
  /** Every send the REST API accepted, oldest first. */
  sent(filter?: { accountSid?: string; to?: string }): TTwilioSent[];
  waitForSent(predicate?: (m: TTwilioSent) => boolean, timeoutMs?: number): Promise<TTwilioSent>;
  /** A customer texts a dealer's number: a signed inbound webhook (MMS with `media`). */
  postInbound(input: TTwilioInbound): Promise<TTwilioInboundResult>;
  /** A status callback for an accepted send (by its sid). */
  postStatus(sid: string, status: TTwilioMessageStatus, errorCode?: number | null): Promise<TTwilioPostResult | null>;
  /** A status callback for a message given whole (one the test wrote to the database itself); `forge` signs it wrongly. */
  postStatusFor(
    message: TTwilioSent,
    status: TTwilioMessageStatus,
    errorCode?: number | null,
    options?: { forge?: boolean },
  ): Promise<TTwilioPostResult | null>;
  /** An earlier webhook's exact bytes and signature again (default: the last). */
  redeliver(id?: number): Promise<TTwilioPostResult>;
  webhooks(): TTwilioWebhook[];
  /** A stored file: a customer's MMS, or one fetched from our MediaUrl. */
  media(sid: string): { bytes: Buffer; mimeType: string } | undefined;
  /** Subscribe to "sent" / "status" (TTwilioSent) and "accounts"; returns the unsubscribe. */
  on(event: "sent" | "status" | "accounts", listener: (message: TTwilioSent) => void): () => void;
  /** Forgets sends, media, opt-outs, failures and webhooks; keeps the accounts. */
  reset(): void;
};

/** Starts the Twilio stand-in on 127.0.0.1 (docs/channels.md, "Twilio stand-in"). */
export async function startTwilio(options: TTwilioOptions = {}): Promise<TTwilio> {
  const state = new TwilioState();
  const pending = new Set<Promise<unknown>>();
  let base = "";
  const ctx: TTwilioContext = {
    state,
    poster: new TwilioWebhookPoster(options.deliverTo ?? null),
    options: { autoStatuses: options.autoStatuses ?? false, autoStatusDelayMs: options.autoStatusDelayMs ?? 300 },
    now: options.now ?? Date.now,
    baseUrl: () => base,
    deliverTo: options.deliverTo?.replace(/\/+$/, "") ?? null,
    linkSecret: randomBytes(32).toString("hex"),
    background: (work) => {
      const promise = work()
        .catch((error: unknown) => console.error("twilio: background webhook failed:", error))
        .finally(() => pending.delete(promise));
      pending.add(promise);
    },
    afterSend: (message, failure) => {
      const mediaFailed = message.media.some((m) => m.error !== null);
      if (!failure && !mediaFailed && !ctx.options.autoStatuses) return;
      ctx.background(async () => {
        await sleep(ctx.options.autoStatusDelayMs);
        if (mediaFailed) return postStatus(ctx, message, "failed", 11200);
        await postStatus(ctx, message, "sent");
        await sleep(ctx.options.autoStatusDelayMs);
        if (failure) return postStatus(ctx, message, failure.status ?? "undelivered", failure.code);
        return postStatus(ctx, message, "delivered");
      });
    },
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/__control/")) return routeControl(api, req, res, url);
    return routeRest(ctx, req, res, url);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("twilio:", error);
      if (!res.headersSent) sendJson(res, 500, { code: 20500, message: "stand-in error", status: 500 });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  const api: TTwilio = {
    url: base,
    port,
    async close() {
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    addAccount: (account) => state.addAccount(account),
    accounts: () => [...state.accounts.values()],
    failNext: (failure, o) => state.failNext(failure, o),
    clearFailures: () => state.clearFailures(),
    sent: (filter = {}) =>
      state.sentLog.filter(
        (m) => (!filter.accountSid || m.accountSid === filter.accountSid) && (!filter.to || m.to === filter.to),
      ),
    waitForSent(predicate = () => true, timeoutMs = 10_000) {
      const found = state.sentLog.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onSent = (m: TTwilioSent) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          state.events.off("sent", onSent);
          resolve(m);
        };
        const timer = setTimeout(() => {
          state.events.off("sent", onSent);
          reject(new Error(`twilio: no matching send within ${timeoutMs} ms (${state.sentLog.length} sent)`));
        }, timeoutMs);
        state.events.on("sent", onSent);
      });
    },
    postInbound: (input) => postInbound(ctx, input),
    postStatus: async (sid, status, errorCode = null) => {
      const message = state.sentLog.find((m) => m.sid === sid);
      if (!message) throw new Error(`twilio: no sent message ${sid}`);
      return postStatus(ctx, message, status, errorCode);
    },
    postStatusFor: (message, status, errorCode = null, o = {}) => postStatus(ctx, message, status, errorCode, o),
    redeliver: (id) => ctx.poster.redeliver(id),
    webhooks: () => [...ctx.poster.deliveries],
    media: (sid) => state.media.get(sid),
    on: (event, listener) => {
      state.events.on(event, listener);
      return () => void state.events.off(event, listener);
    },
    reset: () => {
      state.reset();
      ctx.poster.deliveries.length = 0;
    },
  };
  return api;
}
