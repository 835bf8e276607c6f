import { EventEmitter } from "node:events";
import { randomBytes } from "node:crypto";
import type { TBot, TBotInput, TFailScope, TFailure, TSentMessage, TStoredFile, TTelegramUser } from "./types";

type TQueuedFailure = { failure: TFailure; remaining: number; on: TFailScope; botId: string | null };

/** Everything the stand-in remembers; one instance per server. */
export class TelegramState {
  readonly bots = new Map<string, TBot>();
  readonly users = new Map<number, TTelegramUser>();
  readonly files = new Map<string, TStoredFile>();
  readonly sentLog: TSentMessage[] = [];
  readonly events = new EventEmitter();
  /** `<botId>:<userId>`: chats that exist (the user wrote first); sends to others are refused. */
  readonly chats = new Set<string>();
  /** `<botId>:<userId>`: the user blocked the bot; every send answers 403. */
  readonly blocked = new Set<string>();
  private failures: TQueuedFailure[] = [];
  private nextUpdate = new Map<string, number>();
  private nextMessage = new Map<string, number>();
  private fileCounter = 0;

  constructor() {
    this.events.setMaxListeners(100);
  }

  addBot(input: TBotInput): TBot {
    const match = /^(\d+):/.exec(input.token);
    if (!match) throw new Error(`telegram stand-in: "${input.token.slice(0, 12)}…" is not a bot token`);
    const id = match[1]!;
    // Re-adding keeps the webhook (a re-read demo file must not undo our setWebhook).
    const existing = this.bots.get(id);
    for (const [token, bot] of this.bots) if (bot.id === id && token !== input.token) this.bots.delete(token);
    const bot: TBot = {
      id,
      token: input.token,
      username: input.username ?? `bot${id}_bot`,
      firstName: input.firstName ?? "Forecourt test bot",
      label: input.label ?? input.username ?? id,
      webhook: existing?.webhook ?? null,
    };
    this.bots.set(id, bot);
    return bot;
  }

  botByToken(token: string): TBot | undefined {
    const id = /^(\d+):/.exec(token)?.[1];
    const bot = id ? this.bots.get(id) : undefined;
    return bot && bot.token === token ? bot : undefined;
  }

  /** Telegram's update ids grow by one per bot (the first is arbitrary). */
  nextUpdateId(botId: string): number {
    const next = this.nextUpdate.get(botId) ?? 700_000_000 + Math.floor(Math.random() * 1000) * 1000;
    this.nextUpdate.set(botId, next + 1);
    return next;
  }

  /** Message ids are per chat, shared by both sides of a private chat. */
  nextMessageId(botId: string, chatId: number): number {
    const key = `${botId}:${chatId}`;
    const next = (this.nextMessage.get(key) ?? 0) + 1;
    this.nextMessage.set(key, next);
    return next;
  }

  storeFile(botId: string, bytes: Buffer, mimeType: string, fileName: string | null, folder: string): TStoredFile {
    const n = ++this.fileCounter;
    const fileId = `BQAC${botId}_${n}_${randomBytes(12).toString("base64url")}`;
    const extension = EXTENSIONS[mimeType.split(";")[0]!.trim()] ?? "bin";
    const file: TStoredFile = {
      fileId,
      fileUniqueId: `AgAD${n}`,
      botId,
      bytes,
      mimeType,
      fileName,
      filePath: `${folder}/file_${n}.${extension}`,
    };
    this.files.set(fileId, file);
    return file;
  }

  fileByPath(botId: string, filePath: string): TStoredFile | undefined {
    for (const f of this.files.values()) if (f.botId === botId && f.filePath === filePath) return f;
    return undefined;
  }

  recordSent(message: TSentMessage) {
    this.sentLog.push(message);
    this.events.emit("sent", message);
  }

  failNext(failure: TFailure, options: { times?: number; on?: TFailScope; botId?: string } = {}) {
    this.failures.push({
      failure,
      remaining: options.times ?? 1,
      on: options.on ?? "send",
      botId: options.botId ?? null,
    });
  }

  clearFailures() {
    this.failures = [];
  }

  /** The failure for this call, if one is queued (and counts it down). */
  takeFailure(scope: Exclude<TFailScope, "any">, botId: string): TFailure | null {
    const index = this.failures.findIndex(
      (f) => (f.on === "any" || f.on === scope) && (f.botId === null || f.botId === botId),
    );
    if (index < 0) return null;
    const queued = this.failures[index]!;
    queued.remaining -= 1;
    if (queued.remaining <= 0) this.failures.splice(index, 1);
    return queued.failure;
  }

  /** Forgets users, chats, files, sends and failures; keeps the bots and their webhooks. */
  reset() {
    this.users.clear();
    this.files.clear();
    this.chats.clear();
    this.blocked.clear();
    this.sentLog.length = 0;
    this.failures = [];
    this.nextMessage.clear();
  }
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/gif": "gif",
  "application/pdf": "pdf",
  "audio/ogg": "oga",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "video/mp4": "mp4",
};
