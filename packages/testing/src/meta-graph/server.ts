import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TGraphContext, TMetaGraphOptions } from "./context";
import { routeControl } from "./control-api";
import { sendJson } from "./http-util";
import {
  postMessengerInbound,
  postWhatsAppBatch,
  type TInboundResult,
  type TMessengerInbound,
  type TWhatsAppInbound,
} from "./inbound";
import { routeGraph } from "./router";
import { routeSimulator, type TSimulator, createSimulator } from "./simulator/simulator";
import { MetaGraphState } from "./state";
import { postMessengerEvents, postMessengerReceipt, postWhatsAppStatuses, type TStatusInput } from "./statuses";
import type {
  TChannelKind,
  TFailScope,
  TFailure,
  TMessengerPage,
  TMessengerPageInput,
  TSentMessage,
  TStoredMedia,
  TWebhookDelivery,
  TWhatsAppAccount,
  TWhatsAppAccountInput,
} from "./types";
import { WebhookPoster, type TPostResult } from "./webhooks";

export type TMetaGraph = {
  /** http://127.0.0.1:<port>: set META_GRAPH_URL to it. */
  url: string;
  port: number;
  close(): Promise<void>;
  addWhatsApp(account: TWhatsAppAccountInput): TWhatsAppAccount;
  addMessenger(page: TMessengerPageInput): TMessengerPage;
  accounts(): { whatsapp: TWhatsAppAccount[]; messenger: TMessengerPage[] };
  /** The next `times` (default 1) matching requests fail this way. */
  failNext(failure: TFailure, options?: { times?: number; on?: TFailScope; accountId?: string }): void;
  clearFailures(): void;
  /** Every accepted send, oldest first (optionally filtered). */
  sent(filter?: { channel?: TChannelKind; accountId?: string; to?: string }): TSentMessage[];
  /** Resolves with the first accepted send (already there or still to come) that matches. */
  waitForSent(predicate?: (m: TSentMessage) => boolean, timeoutMs?: number): Promise<TSentMessage>;
  media(id: string): TStoredMedia | undefined;
  /** Moves a customer's last inbound time (the reply windows); null forgets it. */
  setLastInbound(input: { channel: TChannelKind; accountId: string; customer: string; at: Date | number | null }): void;
  /** One customer's messages in one webhook (one change; Meta batches them). */
  postWhatsAppInbound(input: TWhatsAppInbound): Promise<TInboundResult>;
  /** Several customers' messages in one webhook: several changes, or several entries. */
  postWhatsAppBatch(inputs: TWhatsAppInbound[], options?: { layout?: "changes" | "entries" }): Promise<TInboundResult>;
  /** Status callbacks for sent wamids, each in its own webhook in the order given (or `together`). */
  postStatus(input: TStatusInput): Promise<TPostResult>;
  postStatuses(inputs: TStatusInput[], options?: { together?: boolean }): Promise<TPostResult[]>;
  postMessenger(input: TMessengerInbound | TMessengerInbound[]): Promise<TInboundResult>;
  /** Raw `messaging[]` events for a page (echoes, reactions, anything). */
  postMessengerEvents(input: { pageId: string; events: unknown[] }): Promise<TPostResult>;
  /** A delivery or read watermark (default: now) from a person to a page. */
  postMessengerReceipt(input: {
    pageId: string;
    psid: string;
    kind: "delivery" | "read";
    watermark?: number;
    mids?: string[];
  }): Promise<TPostResult>;
  /** Posts an earlier webhook's exact bytes again (default: the last): Meta delivers at least once. */
  redeliver(deliveryId?: number): Promise<TPostResult>;
  /** Every webhook posted, with our answers. */
  webhooks(): TWebhookDelivery[];
  /** Read receipts we sent, oldest first: WhatsApp `status: read` (message id) and Messenger `mark_seen` (psid). */
  readReceipts(): TReadReceipt[];
  /** Forgets media, sends, windows, failures and webhooks; keeps the accounts. */
  reset(): void;
  /** The simulator (demo mode), when started with `simulator: true`. */
  simulator: TSimulator | null;
};

export type TReadReceipt =
  | { channel: "whatsapp"; accountId: string; messageId: string }
  | { channel: "messenger"; accountId: string; psid: string };

function noWebhook(kind: string): never {
  throw new Error(`meta-graph: the ${kind} has no webhookUrl`);
}

/** Starts the Meta Graph stand-in on 127.0.0.1 (see docs/channels.md, "Meta stand-in and channel simulator"). */
export async function startMetaGraph(options: TMetaGraphOptions = {}): Promise<TMetaGraph> {
  const state = new MetaGraphState({
    now: options.now ?? Date.now,
    mediaUrlTtlMs: options.mediaUrlTtlMs ?? 5 * 60_000,
  });
  const pending = new Set<Promise<unknown>>();
  let base = "";
  const ctx: TGraphContext = {
    state,
    poster: new WebhookPoster(),
    options: {
      autoStatuses: options.autoStatuses ?? false,
      autoStatusDelayMs: options.autoStatusDelayMs ?? 300,
      simulator: options.simulator ?? false,
      strictWindow: options.strictWindow ?? false,
      windowErrors: options.windowErrors ?? "sync",
      mediaUrlTtlMs: options.mediaUrlTtlMs ?? 5 * 60_000,
      appId: options.appId ?? "1234567890123456",
    },
    baseUrl: () => base,
    background: (work) => {
      const promise = work()
        .catch((error: unknown) => console.error("meta-graph: background webhook failed:", error))
        .finally(() => pending.delete(promise));
      pending.add(promise);
    },
  };
  const simulator = ctx.options.simulator ? createSimulator(ctx, options.plugins) : null;
  const receipts: TReadReceipt[] = [];
  state.events.on("markedRead", ({ accountId, messageId }: { accountId: string; messageId: string }) =>
    receipts.push({ channel: "whatsapp", accountId, messageId }),
  );
  state.events.on("markedSeen", ({ pageId, psid }: { pageId: string; psid: string }) =>
    receipts.push({ channel: "messenger", accountId: pageId, psid }),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/__control/")) return routeControl(api, req, res, url);
    if (simulator && (url.pathname === "/" || url.pathname.startsWith("/__sim/")))
      return routeSimulator(simulator, req, res, url);
    return routeGraph(ctx, req, res, url);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("meta-graph:", error);
      if (!res.headersSent)
        sendJson(res, 500, { error: { message: "stand-in error", type: "OAuthException", code: 1 } });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  const api: TMetaGraph = {
    url: base,
    port,
    simulator,
    async close() {
      simulator?.close();
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    addWhatsApp: (account) => state.addWhatsApp(account),
    addMessenger: (page) => state.addMessenger(page),
    accounts: () => ({ whatsapp: [...state.whatsapp.values()], messenger: [...state.messenger.values()] }),
    failNext: (failure, o) => state.failNext(failure, o),
    clearFailures: () => state.clearFailures(),
    sent: (filter = {}) =>
      state.sentLog.filter(
        (m) =>
          (!filter.channel || m.channel === filter.channel) &&
          (!filter.accountId || m.accountId === filter.accountId) &&
          (!filter.to || m.to === filter.to),
      ),
    waitForSent(predicate = () => true, timeoutMs = 10_000) {
      const found = state.sentLog.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onSent = (m: TSentMessage) => {
          if (!predicate(m)) return;
          clearTimeout(timer);
          state.events.off("sent", onSent);
          resolve(m);
        };
        const timer = setTimeout(() => {
          state.events.off("sent", onSent);
          reject(new Error(`meta-graph: no matching send within ${timeoutMs} ms (${state.sentLog.length} sent)`));
        }, timeoutMs);
        state.events.on("sent", onSent);
      });
    },
    media: (id) => state.media.get(id),
    setLastInbound: ({ channel, accountId, customer, at }) =>
      state.setLastInbound(
        channel,
        accountId,
        customer,
        at === null ? null : typeof at === "number" ? at : at.getTime(),
      ),
    postWhatsAppInbound: (input) => postWhatsAppBatch(ctx, [input]),
    postWhatsAppBatch: (inputs, o) => postWhatsAppBatch(ctx, inputs, o),
    postStatus: async (input) => {
      const [result] = await postWhatsAppStatuses(ctx, [input]);
      return result ?? noWebhook("WhatsApp number");
    },
    postStatuses: (inputs, o) => postWhatsAppStatuses(ctx, inputs, o),
    postMessenger: (input) => postMessengerInbound(ctx, Array.isArray(input) ? input : [input]),
    postMessengerEvents: async ({ pageId, events }) => {
      const page = state.messenger.get(pageId);
      if (!page) throw new Error(`meta-graph: no Messenger page ${pageId}`);
      return (await postMessengerEvents(ctx, page, events)) ?? noWebhook("Messenger page");
    },
    postMessengerReceipt: async (input) => (await postMessengerReceipt(ctx, input)) ?? noWebhook("Messenger page"),
    redeliver: (id) => ctx.poster.redeliver(id),
    webhooks: () => [...ctx.poster.deliveries],
    readReceipts: () => [...receipts],
    reset: () => {
      receipts.length = 0;
      state.reset();
      ctx.poster.deliveries.length = 0;
      simulator?.reset();
    },
  };
  return api;
}
