import { createHash } from "node:crypto";
import type { TChannelKind, TSentMessage, TSentStatus } from "../types";

/*
 * What the simulator page shows: one thread per (channel, account, customer), holding the
 * customer's own messages (with whether our webhook took them) and the business's replies
 * (from the outbound log, with the statuses the stand-in reported).
 */

export type TSimCustomer = {
  name: string;
  /** The number typed in the simulator, kept even when hidden from Meta (a username user). */
  phone: string | null;
  waId: string | null;
  bsuid: string | null;
  psid: string | null;
};

export type TSimMedia = { id: string; mimeType: string; fileName: string | null; size: number };

export type TSimMessage = {
  id: string;
  /** "customer": written in the simulator; "business": a reply from Forecourt. */
  from: "customer" | "business";
  kind: string;
  text: string | null;
  media: TSimMedia | null;
  voice: boolean;
  /** Location messages: where (the page links to a map). */
  location?: { latitude: number; longitude: number };
  at: number;
  /** Customer messages: pending → delivered (our webhook answered 2xx) → read (marked read); or failed. */
  state: "pending" | "delivered" | "read" | "failed" | null;
  /** Business messages: the status the stand-in reported to us. */
  status: TSentStatus | null;
  error: string | null;
  /** Business messages: a template's name, a Messenger tag. */
  template: string | null;
  tag: string | null;
  /** The webhook delivery that carried a customer message (for "retry"). */
  deliveryId: number | null;
};

export type TSimThread = {
  key: string;
  channel: TChannelKind;
  accountId: string;
  customer: TSimCustomer;
  messages: TSimMessage[];
};

const COUNTRY_BY_PREFIX: [string, string][] = [
  ["31", "NL"],
  ["32", "BE"],
  ["45", "DK"],
  ["49", "DE"],
  ["44", "GB"],
  ["1", "US"],
];

const hashDigits = (seed: string, length: number) => {
  const hex = createHash("sha256").update(seed).digest("hex");
  return BigInt(`0x${hex.slice(0, 24)}`)
    .toString()
    .padStart(length, "7")
    .slice(0, length);
};

/** A stable BSUID for a phone number on a WABA (Meta scopes BSUIDs to the business). */
export function bsuidFor(wabaId: string, waId: string) {
  const country = COUNTRY_BY_PREFIX.find(([prefix]) => waId.startsWith(prefix))?.[1] ?? "US";
  return `${country}.${hashDigits(`bsuid:${wabaId}:${waId}`, 20)}`;
}

/** A stable page-scoped id for a simulated Messenger user (one per page and name). */
export function psidFor(pageId: string, name: string) {
  return hashDigits(`psid:${pageId}:${name.trim().toLowerCase()}`, 16);
}

export class SimThreads {
  private threads = new Map<string, TSimThread>();

  constructor(private readonly onChange: (thread: TSimThread) => void) {}

  all() {
    return [...this.threads.values()];
  }

  clear() {
    this.threads.clear();
  }

  /** Finds the thread of a customer identity (phone, BSUID or PSID) on an account. */
  find(channel: TChannelKind, accountId: string, identity: string) {
    return this.all().find(
      (t) =>
        t.channel === channel &&
        t.accountId === accountId &&
        (t.customer.waId === identity || t.customer.bsuid === identity || t.customer.psid === identity),
    );
  }

  open(channel: TChannelKind, accountId: string, customer: TSimCustomer): TSimThread {
    const identity = customer.psid ?? customer.bsuid ?? customer.waId ?? "unknown";
    const existing =
      this.threads.get(`${channel}:${accountId}:${identity}`) ??
      (customer.phone ? this.find(channel, accountId, customer.phone) : undefined);
    if (existing) {
      existing.customer = { ...existing.customer, ...customer, bsuid: customer.bsuid ?? existing.customer.bsuid };
      return existing;
    }
    const thread: TSimThread = {
      key: `${channel}:${accountId}:${identity}`,
      channel,
      accountId,
      customer,
      messages: [],
    };
    this.threads.set(thread.key, thread);
    return thread;
  }

  byKey(key: string) {
    return this.threads.get(key);
  }

  add(thread: TSimThread, message: TSimMessage) {
    thread.messages.push(message);
    this.onChange(thread);
  }

  update(thread: TSimThread, id: string, patch: Partial<TSimMessage>) {
    const message = thread.messages.find((m) => m.id === id);
    if (!message) return;
    Object.assign(message, patch);
    this.onChange(thread);
  }

  /** A reply from the business arrived in the outbound log. */
  businessSent(sent: TSentMessage) {
    const thread =
      this.find(sent.channel, sent.accountId, sent.to) ??
      this.open(sent.channel, sent.accountId, {
        name: /^\d+$/.test(sent.to) && sent.channel === "whatsapp" ? `+${sent.to}` : sent.to,
        phone: sent.channel === "whatsapp" && /^\d+$/.test(sent.to) ? sent.to : null,
        waId: sent.channel === "whatsapp" && /^\d+$/.test(sent.to) ? sent.to : null,
        bsuid: sent.channel === "whatsapp" && !/^\d+$/.test(sent.to) ? sent.to : null,
        psid: sent.channel === "messenger" ? sent.to : null,
      });
    const template = sent.type === "template" ? templateName(sent.payload) : null;
    this.add(thread, {
      id: sent.id,
      from: "business",
      kind: sent.type,
      text: sent.text,
      media: sent.media,
      voice: sent.type === "audio" && /ogg/i.test(sent.media?.mimeType ?? ""),
      at: Date.parse(sent.at),
      state: null,
      status: sent.status,
      error: null,
      template,
      tag: sent.tag,
      deliveryId: null,
    });
  }

  businessStatus(id: string, status: TSentStatus, error: string | null) {
    for (const thread of this.threads.values()) {
      const message = thread.messages.find((m) => m.id === id && m.from === "business");
      if (message) {
        message.status = status;
        if (error) message.error = error;
        this.onChange(thread);
        return;
      }
    }
  }

  /** WhatsApp "mark as read" marks the message and every earlier one from the customer. */
  markedRead(accountId: string, messageId: string) {
    for (const thread of this.threads.values()) {
      if (thread.channel !== "whatsapp" || thread.accountId !== accountId) continue;
      const index = thread.messages.findIndex((m) => m.id === messageId);
      if (index < 0) continue;
      for (const m of thread.messages.slice(0, index + 1))
        if (m.from === "customer" && m.state === "delivered") m.state = "read";
      this.onChange(thread);
      return;
    }
  }

  /** Messenger `mark_seen`: the page has seen everything the person wrote. */
  markedSeen(pageId: string, psid: string) {
    const thread = this.find("messenger", pageId, psid);
    if (!thread) return;
    for (const m of thread.messages) if (m.from === "customer" && m.state === "delivered") m.state = "read";
    this.onChange(thread);
  }
}

function templateName(payload: Record<string, unknown>): string | null {
  const template = payload.template as { name?: unknown; language?: { code?: unknown } } | undefined;
  return typeof template?.name === "string"
    ? `${template.name}${typeof template.language?.code === "string" ? ` (${template.language.code})` : ""}`
    : null;
}
