import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { EVENTS, NAMESPACES, type TMessageEvent } from "@forecourt/protocol";
import {
  type TClientContactSession,
  type TClientConversation,
  type TClientMessagePage,
  type TClientSendResult,
} from "@forecourt/protocol/api-channel";
import { ForecourtError } from "../errors";
import { Emitter } from "./emitter";
import { request, type THttpOptions } from "./http";

export type TMessagingClientOptions = {
  /** The Forecourt web app, e.g. https://app.forecourt.example. */
  baseUrl: string;
  /** The API channel's public inbox identifier (Settings → Channels). */
  inboxIdentifier: string;
  /** Your app's id of its user. */
  identifier: string;
  /** Hex HMAC-SHA256 of `identifier` under the channel secret, computed by your backend (never ship the secret in an app). */
  identifierHash: string;
  name?: string;
  email?: string;
  phone?: string;
  /** Continue this conversation; default: the contact's latest on this inbox, or a new one. */
  conversationId?: string;
  /** The last seq your app has shown (persist it to resume across restarts); default 0: replay the conversation. */
  afterSeq?: number;
  /** Per HTTP attempt (default 15 s). */
  timeoutMs?: number;
  /** Retries of a retryable failure (network, 429, 5xx) per request (default 4); sends keep their clientId. */
  retries?: number;
  /** Defaults to globalThis.fetch. */
  fetch?: typeof fetch;
  /** Passed to socket.io-client (e.g. reconnectionDelay). */
  socket?: Partial<ManagerOptions & SocketOptions>;
  /** The live-chat gateway; default: the one the server names when identifying (behind a proxy, yours). */
  gatewayUrl?: string;
};

export type TMessagingEvents = {
  /** Each message of the conversation exactly once, in seq order: the dealer's replies and your own sends. */
  message: (message: TMessageEvent) => void;
  /** A message changed after it was sent (e.g. delivery status): replace it by id. */
  messageUpdate: (message: TMessageEvent) => void;
  /** The agent is typing (or stopped). */
  typing: (event: { typing: boolean; name: string | null }) => void;
  /** Live (after every (re)connect, once caught up). */
  connected: () => void;
  disconnected: (reason: string) => void;
  error: (error: Error) => void;
};

export type TSendText = { text: string; clientId?: string };
export type TSendFile = { file: Blob; fileName: string; clientId?: string };

const newClientId = () => globalThis.crypto.randomUUID();

/**
 * The OEM-app messaging client (docs/api-channel.md). Identifies the contact, opens (or
 * continues) its conversation, sends over HTTP with an idempotency key (a retry never doubles a
 * message), and receives over the gateway's /visitor namespace. It tracks the last seq it has
 * delivered: live messages arrive in order, a gap or a reconnect asks the server for everything
 * after that seq, and anything at or below it is dropped, so each message reaches `on('message')`
 * exactly once, in order, across disconnects.
 */
export class MessagingClient extends Emitter<TMessagingEvents> {
  contactId: string | null = null;
  conversationId: string | null;
  /** The highest seq delivered to `on('message')`: persist it and pass it back as `afterSeq`. */
  lastSeq: number;
  private token: string | null = null;
  private gatewayUrl: string | null = null;
  private socket: Socket | null = null;
  private closed = false;
  private syncing: Promise<void> = Promise.resolve();
  private syncAgain = false;
  private readonly http: THttpOptions;

  constructor(private readonly options: TMessagingClientOptions) {
    super();
    this.conversationId = options.conversationId ?? null;
    this.lastSeq = options.afterSeq ?? 0;
    this.http = {
      baseUrl: options.baseUrl,
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 4,
      backoffMs: 250,
    };
  }

  private path(rest = "") {
    return `/api/v1/client/inboxes/${encodeURIComponent(this.options.inboxIdentifier)}${rest}`;
  }

  private conversationPath(rest: string) {
    if (!this.conversationId) throw new ForecourtError(0, "not_connected", "Call connect() first");
    return this.path(`/conversations/${this.conversationId}${rest}`);
  }

  /** Identify (a forged hash rejects with status 401), pick or open the conversation, go live and catch up. */
  async connect(): Promise<void> {
    this.closed = false;
    await this.identify();
    if (!this.conversationId) {
      const { conversations } = await request<{ conversations: TClientConversation[] }>(
        this.http,
        this.path("/conversations"),
        { method: "GET", token: this.token },
      );
      this.conversationId = conversations[0]?.id ?? (await this.startConversation()).id;
    }
    await this.openSocket();
  }

  private async identify(): Promise<void> {
    const { identifier, identifierHash, name, email, phone } = this.options;
    const session = await request<TClientContactSession>(this.http, this.path("/contacts"), {
      method: "POST",
      json: { identifier, identifierHash, name, email, phone },
    });
    this.token = session.contactToken;
    this.contactId = session.contactId;
    this.gatewayUrl = this.options.gatewayUrl ?? session.gatewayUrl;
  }

  /** Opens a new conversation and continues there (the next messages are seq 1, 2…). */
  async startConversation(options: { departmentId?: string } = {}): Promise<TClientConversation> {
    const conversation = await request<TClientConversation>(this.http, this.path("/conversations"), {
      method: "POST",
      token: this.token,
      json: options,
    });
    this.conversationId = conversation.id;
    this.lastSeq = 0;
    if (this.socket?.connected) this.requestSync();
    return conversation;
  }

  private openSocket(): Promise<void> {
    return new Promise((resolve, reject) => {
      let first = true;
      const socket = io(`${this.gatewayUrl!.replace(/\/+$/, "")}${NAMESPACES.visitor}`, {
        transports: ["websocket"],
        auth: { token: this.token },
        reconnectionDelay: 500,
        reconnectionDelayMax: 5000,
        ...this.options.socket,
      });
      this.socket = socket;
      socket.on("connect", () => {
        this.requestSync();
        void this.syncing.then(() => {
          if (!socket.connected) return;
          this.emit("connected");
          if (first) {
            first = false;
            resolve();
          }
        });
      });
      socket.on("connect_error", (error) => {
        if (error.message !== "unauthorized" || this.closed) return;
        // The token was revoked or expired: identify again (the hash still proves who it is), then retry.
        this.identify()
          .then(() => {
            socket.auth = { token: this.token };
            socket.connect();
          })
          .catch((e: unknown) => {
            const failure = e instanceof Error ? e : new Error(String(e));
            this.emit("error", failure);
            if (first) reject(failure);
          });
      });
      socket.on("disconnect", (reason) => {
        this.emit("disconnected", reason);
        // The server ended this socket (e.g. a gateway shutting down): socket.io does not come back by itself.
        if (reason === "io server disconnect" && !this.closed) setTimeout(() => !this.closed && socket.connect(), 500);
      });
      socket.on(EVENTS.message, (message: TMessageEvent) => {
        if (message.conversationId === this.conversationId) this.deliver([message]);
      });
      socket.on(EVENTS.messageUpdate, (message: TMessageEvent) => {
        if (message.conversationId === this.conversationId) this.emit("messageUpdate", message);
      });
      socket.on(EVENTS.typingEvent, (e: { conversationId: string; typing: boolean; name: string | null }) => {
        if (e.conversationId === this.conversationId) this.emit("typing", { typing: e.typing, name: e.name });
      });
    });
  }

  /**
   * Delivers what is next in seq order; a message past a gap asks for a catch-up instead (the
   * catch-up brings it too), and one at or below lastSeq was delivered already.
   */
  private deliver(messages: TMessageEvent[]) {
    for (const message of [...messages].sort((a, b) => a.seq - b.seq)) {
      if (message.seq <= this.lastSeq) continue;
      if (message.seq !== this.lastSeq + 1) {
        this.requestSync();
        return;
      }
      this.lastSeq = message.seq;
      this.emit("message", message);
    }
  }

  /** One catch-up at a time; a request during one runs another right after it. */
  private requestSync() {
    this.syncAgain = true;
    this.syncing = this.syncing.then(async () => {
      while (this.syncAgain && this.socket?.connected && this.conversationId) {
        this.syncAgain = false;
        try {
          const result = (await this.socket.timeout(10_000).emitWithAck(EVENTS.sync, {
            conversations: [{ conversationId: this.conversationId, afterSeq: this.lastSeq }],
          })) as { ok: boolean; messages?: TMessageEvent[]; error?: { code: string; message: string } };
          if (!result.ok) throw new ForecourtError(0, result.error?.code ?? "sync_failed", result.error?.message ?? "");
          const before = this.lastSeq;
          this.deliver(result.messages ?? []);
          // The server sends at most 500 per catch-up: ask again until nothing new comes.
          if ((result.messages?.length ?? 0) > 0 && this.lastSeq > before) this.syncAgain = true;
        } catch (error) {
          this.emit("error", error instanceof Error ? error : new Error(String(error)));
          // The next (re)connect catches up; a live socket tries again shortly.
          if (this.socket?.connected) setTimeout(() => this.requestSync(), 1000);
          return;
        }
      }
    });
  }

  /** Sends text; safe to retry (the clientId, generated unless given, makes a resend a no-op). */
  send(message: TSendText): Promise<TClientSendResult> {
    const clientId = message.clientId ?? newClientId();
    return request<TClientSendResult>(this.http, this.conversationPath("/messages"), {
      method: "POST",
      token: this.token,
      json: { text: message.text, clientId },
    });
  }

  /** Sends a file (pictures, PDF, audio, video; 10 MB at most, checked by type and content). */
  sendFile(upload: TSendFile): Promise<TClientSendResult> {
    const clientId = upload.clientId ?? newClientId();
    return request<TClientSendResult>(this.http, this.conversationPath("/attachments"), {
      method: "POST",
      token: this.token,
      form: () => {
        const form = new FormData();
        form.set("clientId", clientId);
        form.set("file", upload.file, upload.fileName);
        return form;
      },
    });
  }

  /** Older messages (history page before a seq); not delivered through on('message'). */
  async history(options: { before?: number } = {}): Promise<TMessageEvent[]> {
    const query = options.before ? `?before=${options.before}` : "";
    const page = await request<TClientMessagePage>(this.http, this.conversationPath(`/messages${query}`), {
      method: "GET",
      token: this.token,
    });
    return page.messages;
  }

  /** Tells the agent the user is typing (ephemeral). */
  typing(typing: boolean): void {
    if (this.conversationId) this.socket?.emit(EVENTS.typing, { conversationId: this.conversationId, typing });
  }

  /** Disconnects for good (call connect() to start again). */
  async close(): Promise<void> {
    this.closed = true;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    await this.syncing.catch(() => undefined);
  }
}

/** `createMessagingClient(options)` → a client; call `connect()` next. */
export function createMessagingClient(options: TMessagingClientOptions): MessagingClient {
  return new MessagingClient(options);
}
