import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { routeBotApi } from "./bot-api";
import type { TTelegramContext, TTelegramOptions } from "./context";
import { routeControl } from "./control-api";
import { sendError } from "./http";
import { postInbound, postMembership, type TTelegramInbound, type TTelegramInboundResult } from "./inbound";
import { TelegramState } from "./state";
import type {
  TBot,
  TBotInput,
  TFailScope,
  TFailure,
  TSentMessage,
  TStoredFile,
  TTelegramUser,
  TWebhookDelivery,
} from "./types";
import { WebhookPoster, type TPostResult } from "./webhooks";

export type TTelegramBotApi = {
  /** http://127.0.0.1:<port>: set TELEGRAM_API_URL to it. */
  url: string;
  port: number;
  close(): Promise<void>;
  addBot(bot: TBotInput): TBot;
  bots(): TBot[];
  bot(botId: string): TBot | undefined;
  /** The next `times` (default 1) matching calls fail this way (default scope: sends). */
  failNext(failure: TFailure, options?: { times?: number; on?: TFailScope; botId?: string }): void;
  clearFailures(): void;
  /** A customer writes (text, photo, voice note, file, location, contact, an edit): one Update to the webhook. */
  postInbound(input: TTelegramInbound): Promise<TTelegramInboundResult>;
  /** The customer blocks the bot (every send then answers 403) or starts it again. */
  setBlocked(input: {
    botId: string;
    user: TTelegramUser;
    blocked: boolean;
  }): Promise<TPostResult & { updateId: number }>;
  /** Posts an earlier update's exact bytes and secret header again (default: the last). */
  redeliver(deliveryId?: number): Promise<TPostResult>;
  sent(filter?: { botId?: string; chatId?: number }): TSentMessage[];
  waitForSent(predicate?: (m: TSentMessage) => boolean, timeoutMs?: number): Promise<TSentMessage>;
  file(fileId: string): TStoredFile | undefined;
  webhooks(): TWebhookDelivery[];
  /** Bot API calls made (bot id and method), oldest first. */
  calls(): { botId: string; method: string; at: string }[];
  /** Forgets users, chats, files, sends, failures, calls and webhooks; keeps bots and their webhooks. */
  reset(): void;
  context: TTelegramContext;
};

/** Starts the Telegram Bot API stand-in on 127.0.0.1 (docs/channels.md, "Telegram stand-in"). */
export async function startTelegramBotApi(options: TTelegramOptions = {}): Promise<TTelegramBotApi> {
  const ctx: TTelegramContext = {
    state: new TelegramState(),
    poster: new WebhookPoster(),
    now: options.now ?? Date.now,
    acceptAnyToken: options.acceptAnyToken ?? false,
    calls: [],
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/__control/")) return routeControl(api, req, res, url);
    return routeBotApi(ctx, req, res, url);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("telegram stand-in:", error);
      if (!res.headersSent) sendError(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const { state } = ctx;

  const api: TTelegramBotApi = {
    url: `http://127.0.0.1:${port}`,
    port,
    context: ctx,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    addBot: (bot) => state.addBot(bot),
    bots: () => [...state.bots.values()],
    bot: (botId) => state.bots.get(botId),
    failNext: (failure, o) => state.failNext(failure, o),
    clearFailures: () => state.clearFailures(),
    postInbound: (input) => postInbound(ctx, input),
    setBlocked: (input) => postMembership(ctx, input),
    redeliver: (id) => ctx.poster.redeliver(id),
    sent: (filter = {}) =>
      state.sentLog.filter(
        (m) =>
          (!filter.botId || m.botId === filter.botId) && (filter.chatId === undefined || m.chatId === filter.chatId),
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
          reject(
            new Error(`telegram stand-in: no matching send within ${timeoutMs} ms (${state.sentLog.length} sent)`),
          );
        }, timeoutMs);
        state.events.on("sent", onSent);
      });
    },
    file: (fileId) => state.files.get(fileId),
    webhooks: () => [...ctx.poster.deliveries],
    calls: () => [...ctx.calls],
    reset: () => {
      state.reset();
      ctx.calls.length = 0;
      ctx.poster.deliveries.length = 0;
    },
  };
  return api;
}
