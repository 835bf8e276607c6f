import { createHash } from "node:crypto";
import type { TTelegramUser } from "../types";

/* The simulator's chats: one per bot and customer, as the phone-like page shows them. */

export type TTgSimMessage = {
  id: string;
  from: "customer" | "bot";
  kind: "text" | "photo" | "voice" | "audio" | "document" | "location" | "video";
  text: string | null;
  file: { fileId: string; mimeType: string; fileName: string | null; size: number } | null;
  location: { latitude: number; longitude: number } | null;
  at: number;
  /** The customer's message: our webhook's answer (pending → delivered, or failed with why). */
  state: "pending" | "delivered" | "failed" | "sent";
  error: string | null;
  deliveryId: number | null;
  /** Telegram's message id in the chat. */
  messageId: number | null;
};

export type TTgSimThread = {
  key: string;
  botId: string;
  user: TTelegramUser;
  blocked: boolean;
  messages: TTgSimMessage[];
};

/** A stable Telegram user id for a customer name (the same person across restarts). */
export function telegramUserIdFor(botId: string, name: string): number {
  const hash = createHash("sha256").update(`${botId}|${name.trim().toLowerCase()}`).digest();
  return 100_000_000 + (hash.readUInt32BE(0) % 900_000_000);
}

export class TgSimThreads {
  private readonly threads = new Map<string, TTgSimThread>();
  private counter = 0;

  constructor(private readonly changed: (thread: TTgSimThread) => void) {}

  open(botId: string, user: TTelegramUser): TTgSimThread {
    const key = `${botId}:${user.id}`;
    let thread = this.threads.get(key);
    if (!thread) {
      thread = { key, botId, user, blocked: false, messages: [] };
      this.threads.set(key, thread);
    }
    return thread;
  }

  byKey(key: string) {
    return this.threads.get(key);
  }

  byChat(botId: string, chatId: number) {
    return this.threads.get(`${botId}:${chatId}`);
  }

  nextId() {
    return `m${++this.counter}`;
  }

  add(thread: TTgSimThread, message: TTgSimMessage) {
    thread.messages.push(message);
    if (thread.messages.length > 500) thread.messages.shift();
    this.changed(thread);
  }

  update(thread: TTgSimThread, id: string, patch: Partial<TTgSimMessage>) {
    const message = thread.messages.find((m) => m.id === id);
    if (message) Object.assign(message, patch);
    this.changed(thread);
  }

  touch(thread: TTgSimThread) {
    this.changed(thread);
  }

  all() {
    return [...this.threads.values()];
  }

  clear() {
    this.threads.clear();
  }
}
