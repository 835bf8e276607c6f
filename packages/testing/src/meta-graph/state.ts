import { createHash, randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { newMediaId } from "./ids";
import { dealerTemplates } from "./templates";
import type {
  TChannelKind,
  TFailRule,
  TFailScope,
  TFailure,
  TMessengerPage,
  TMessengerPageInput,
  TSentMessage,
  TSentStatus,
  TStoredMedia,
  TWhatsAppAccount,
  TWhatsAppAccountInput,
} from "./types";

export type TStateOptions = {
  now: () => number;
  /** How long a media URL from `GET /{media-id}` works (Meta: about 5 minutes). */
  mediaUrlTtlMs: number;
};

/** What the stand-in emits (the simulator page listens). */
export type TStateEvents = {
  sent: [TSentMessage];
  status: [{ id: string; status: TSentStatus; error: string | null }];
  /** A business marked a customer's WhatsApp message as read (`status: "read"` on /messages). */
  markedRead: [{ accountId: string; messageId: string }];
  /** A page marked a person's conversation seen (`sender_action: "mark_seen"`). */
  markedSeen: [{ pageId: string; psid: string }];
  accounts: [];
};

const STATUS_ORDER: Record<TSentStatus, number> = {
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  played: 4,
  failed: 5,
};

/**
 * Everything the stand-in knows, in memory: connected numbers and pages, stored media, the
 * outbound log, when each customer last wrote (the reply windows) and the failures to inject.
 */
export class MetaGraphState {
  readonly whatsapp = new Map<string, TWhatsAppAccount>();
  readonly messenger = new Map<string, TMessengerPage>();
  readonly media = new Map<string, TStoredMedia>();
  readonly sentLog: TSentMessage[] = [];
  readonly events = new EventEmitter<TStateEvents>();
  private readonly mediaLinks = new Map<string, { mediaId: string; expiresAt: number }>();
  private readonly lastInbound = new Map<string, number>();
  /** WhatsApp customers known by both identities: phone ↔ BSUID. */
  private readonly identities = new Map<string, { waId: string | null; bsuid: string | null }>();
  private rules: TFailRule[] = [];
  /** Messenger users' names (the User Profile API answers them; webhooks carry none). */
  private readonly profiles = new Map<string, string>();
  /** Signs public Messenger attachment URLs (like the CDN's `oh=` parameter). */
  readonly cdnKey = randomBytes(16).toString("hex");

  constructor(readonly options: TStateOptions) {
    this.events.setMaxListeners(100);
  }

  now() {
    return this.options.now();
  }

  addWhatsApp(input: TWhatsAppAccountInput): TWhatsAppAccount {
    const account: TWhatsAppAccount = {
      ...input,
      displayPhoneNumber: (input.displayPhoneNumber ?? "").replace(/\D/g, "") || input.phoneNumberId,
      formattedPhoneNumber: input.displayPhoneNumber?.trim() || `+${input.phoneNumberId}`,
      label: input.label ?? `WhatsApp ${input.phoneNumberId}`,
      templates: input.templates ?? dealerTemplates(input.wabaId),
    };
    this.whatsapp.set(account.phoneNumberId, account);
    this.events.emit("accounts");
    return account;
  }

  addMessenger(input: TMessengerPageInput): TMessengerPage {
    const page: TMessengerPage = {
      ...input,
      pageName: input.pageName ?? input.label ?? `Page ${input.pageId}`,
      label: input.label ?? input.pageName ?? `Page ${input.pageId}`,
    };
    this.messenger.set(page.pageId, page);
    this.events.emit("accounts");
    return page;
  }

  whatsappByToken(token: string | null) {
    return token ? [...this.whatsapp.values()].filter((a) => a.accessToken === token) : [];
  }

  pageByToken(token: string | null) {
    return token ? [...this.messenger.values()].find((p) => p.pageAccessToken === token) : undefined;
  }

  // ── media ─────────────────────────────────────────────────────────────────────────────────

  storeMedia(input: {
    bytes: Uint8Array;
    mimeType: string;
    fileName?: string | null;
    channel: TChannelKind;
    accountId: string;
  }): TStoredMedia {
    const bytes = Buffer.from(input.bytes);
    const media: TStoredMedia = {
      id: newMediaId(),
      bytes,
      mimeType: input.mimeType,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      fileName: input.fileName ?? null,
      channel: input.channel,
      accountId: input.accountId,
      createdAt: this.now(),
    };
    this.media.set(media.id, media);
    return media;
  }

  /** A fresh download link for `GET /{media-id}`; it expires like Meta's. */
  issueMediaLink(mediaId: string): { hash: string; expiresAt: number } {
    const hash = randomBytes(24).toString("base64url");
    const expiresAt = this.now() + this.options.mediaUrlTtlMs;
    this.mediaLinks.set(hash, { mediaId, expiresAt });
    return { hash, expiresAt };
  }

  mediaForLink(hash: string | null, mediaId: string | null): TStoredMedia | "expired" | null {
    const link = hash ? this.mediaLinks.get(hash) : undefined;
    if (!link || link.mediaId !== mediaId) return null;
    if (link.expiresAt <= this.now()) return "expired";
    return this.media.get(link.mediaId) ?? null;
  }

  cdnSignature(mediaId: string) {
    return createHash("sha256").update(`${this.cdnKey}:${mediaId}`).digest("hex").slice(0, 32);
  }

  // ── reply windows ─────────────────────────────────────────────────────────────────────────

  private windowKey(channel: TChannelKind, accountId: string, customer: string) {
    return `${channel}:${accountId}:${customer}`;
  }

  /** Records that a customer wrote (every identity they wrote with). */
  noteInbound(channel: TChannelKind, accountId: string, customers: (string | null | undefined)[], at: number) {
    const known = customers.filter((c): c is string => Boolean(c));
    for (const c of known) {
      const key = this.windowKey(channel, accountId, c);
      this.lastInbound.set(key, Math.max(this.lastInbound.get(key) ?? 0, at));
    }
  }

  /** Sets a customer's last inbound time outright (a test moving the window; may go backwards). */
  setLastInbound(channel: TChannelKind, accountId: string, customer: string, at: number | null) {
    const key = this.windowKey(channel, accountId, customer);
    if (at === null) this.lastInbound.delete(key);
    else this.lastInbound.set(key, at);
    const other = channel === "whatsapp" ? this.identities.get(customer) : undefined;
    for (const alias of [other?.waId, other?.bsuid]) {
      if (alias && alias !== customer) {
        const aliasKey = this.windowKey(channel, accountId, alias);
        if (at === null) this.lastInbound.delete(aliasKey);
        else this.lastInbound.set(aliasKey, at);
      }
    }
  }

  lastInboundAt(channel: TChannelKind, accountId: string, customer: string): number | null {
    return this.lastInbound.get(this.windowKey(channel, accountId, customer)) ?? null;
  }

  linkIdentities(waId: string | null | undefined, bsuid: string | null | undefined) {
    if (!waId && !bsuid) return;
    const entry = { waId: waId ?? null, bsuid: bsuid ?? null };
    if (waId) this.identities.set(waId, { ...this.identities.get(waId), ...stripNull(entry) } as typeof entry);
    if (bsuid) this.identities.set(bsuid, { ...this.identities.get(bsuid), ...stripNull(entry) } as typeof entry);
  }

  identityOf(customer: string) {
    return this.identities.get(customer) ?? null;
  }

  noteProfile(pageId: string, psid: string, name: string) {
    this.profiles.set(`${pageId}:${psid}`, name);
  }

  profileOf(pageId: string, psid: string): string | null {
    return this.profiles.get(`${pageId}:${psid}`) ?? null;
  }

  // ── outbound log ──────────────────────────────────────────────────────────────────────────

  record(message: TSentMessage) {
    this.sentLog.push(message);
    this.events.emit("sent", message);
  }

  findSent(id: string) {
    return this.sentLog.find((m) => m.id === id);
  }

  /** Moves a sent message's state forward (a failure ends it); returns whether it changed. */
  advance(id: string, status: TSentStatus, error: string | null = null): boolean {
    const message = this.findSent(id);
    if (!message) return false;
    if (message.status === "failed" || STATUS_ORDER[status] <= STATUS_ORDER[message.status]) return false;
    // A message the phone already has cannot fail any more (Meta never says so; we keep it that way).
    if (status === "failed" && STATUS_ORDER[message.status] >= STATUS_ORDER.delivered) return false;
    message.status = status;
    this.events.emit("status", { id, status, error });
    return true;
  }

  // ── failure injection ─────────────────────────────────────────────────────────────────────

  failNext(failure: TFailure, options: { times?: number; on?: TFailScope; accountId?: string | null } = {}) {
    this.rules.push({
      failure,
      on: options.on ?? "send",
      remaining: Math.max(1, options.times ?? 1),
      accountId: options.accountId ?? null,
    });
  }

  clearFailures() {
    this.rules = [];
  }

  pendingFailures(): readonly TFailRule[] {
    return this.rules;
  }

  /** The failure this request must suffer, if a rule matches (consumes one of its times). */
  takeFailure(scope: Exclude<TFailScope, "any">, accountId: string | null): TFailure | null {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && (r.on === scope || r.on === "any") && (!r.accountId || r.accountId === accountId),
    );
    if (!rule) return null;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.failure;
  }

  reset() {
    this.media.clear();
    this.mediaLinks.clear();
    this.sentLog.length = 0;
    this.lastInbound.clear();
    this.identities.clear();
    this.profiles.clear();
    this.rules = [];
  }
}

function stripNull<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as Partial<T>;
}
