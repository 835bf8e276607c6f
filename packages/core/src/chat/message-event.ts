import { getConfig } from "@forecourt/config";
import type { TTx } from "@forecourt/db";
import {
  ZMessageContent,
  type TConversationSummary,
  type TDelivery,
  type TMessageContent,
  type TMessageEvent,
} from "@forecourt/protocol";
import { sign, verifySignature } from "./keys";

/** Signed download links: valid for a week, re-issued whenever history is read. */
const ATTACHMENT_LINK_SECONDS = 7 * 86_400;

export function attachmentUrl(customerId: string, attachmentId: string, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ATTACHMENT_LINK_SECONDS;
  const sig = sign("attachment", `${customerId}.${attachmentId}.${exp}`);
  return `${getConfig().WEB_URL}/api/attachments/${customerId}/${attachmentId}?exp=${exp}&sig=${sig}`;
}

export function verifyAttachmentLink(customerId: string, attachmentId: string, exp: string, sig: string): boolean {
  const expiry = Number(exp);
  if (!Number.isInteger(expiry) || expiry * 1000 < Date.now()) return false;
  return verifySignature("attachment", `${customerId}.${attachmentId}.${expiry}`, sig);
}

type TMessageRow = {
  id: string;
  customerId: string;
  conversationId: string;
  seq: number;
  clientId: string;
  authorType: TMessageEvent["authorType"];
  authorUserId: string | null;
  kind: TMessageEvent["kind"];
  body: string;
  createdAt: Date;
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
  data?: unknown;
  deliveryStatus?: TDelivery["status"] | null;
  deliveryError?: unknown;
  deliveryAt?: Date | null;
};

/** The channel content stored in Message.data, if it is one (form answers and events are not). */
export function messageContentOf(data: unknown): TMessageContent | null {
  if (!data || typeof data !== "object" || !("type" in data)) return null;
  const parsed = ZMessageContent.safeParse(data);
  return parsed.success ? parsed.data : null;
}

function deliveryOf(row: TMessageRow): TDelivery | null {
  if (!row.deliveryStatus) return null;
  const e = row.deliveryError as { code?: unknown; message?: unknown; retryable?: unknown } | null | undefined;
  return {
    status: row.deliveryStatus,
    error:
      e && typeof e.code === "string"
        ? { code: e.code, message: typeof e.message === "string" ? e.message : e.code, retryable: e.retryable === true }
        : null,
    at: row.deliveryAt?.toISOString() ?? null,
  };
}

export const MESSAGE_INCLUDE = {
  // Inline e-mail images and raw sources belong to the message's content, not its file list.
  attachments: { where: { role: "FILE" }, select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
} as const;

/** Names (and avatars) of the agents who wrote these messages. `User` is global, not tenant data. */
export async function authorsOf(tx: TTx, rows: { authorUserId: string | null }[]) {
  const ids = [...new Set(rows.map((r) => r.authorUserId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map<string, { name: string; avatarUrl: string | null }>();
  const users = await tx.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, avatarUrl: true },
  });
  return new Map(users.map((u) => [u.id, { name: u.name, avatarUrl: u.avatarUrl }]));
}

export function toMessageEvent(
  row: TMessageRow,
  authors: Map<string, { name: string; avatarUrl: string | null }>,
  contactName: string | null = null,
): TMessageEvent {
  const content = messageContentOf(row.data);
  const author =
    row.authorType === "CONTACT"
      ? { name: contactName ?? "", avatarUrl: null }
      : row.authorUserId
        ? (authors.get(row.authorUserId) ?? null)
        : content?.type === "automated"
          ? { name: content.name, avatarUrl: null }
          : null;
  return {
    conversationId: row.conversationId,
    id: row.id,
    seq: row.seq,
    clientId: row.clientId,
    authorType: row.authorType,
    author,
    kind: row.kind,
    body: row.body,
    attachments: row.attachments.map((a) => ({ ...a, url: attachmentUrl(row.customerId, a.id) })),
    content,
    delivery: deliveryOf(row),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The inbox row of a conversation, as published to the dealer room. */
export async function conversationSummary(tx: TTx, conversationId: string): Promise<TConversationSummary | null> {
  const c = await tx.conversation.findUnique({
    where: { id: conversationId },
    include: {
      contact: { select: { id: true, name: true } },
      channel: { select: { type: true } },
      messages: {
        where: { kind: { not: "NOTE" } },
        orderBy: { seq: "desc" },
        take: 1,
        select: {
          body: true,
          kind: true,
          attachments: { where: { role: "FILE" }, select: { fileName: true }, take: 1 },
        },
      },
    },
  });
  if (!c) return null;
  const last = c.messages[0];
  return {
    id: c.id,
    dealerId: c.dealerId,
    departmentId: c.departmentId,
    channelType: c.channel.type,
    status: c.status,
    assigneeId: c.assigneeId,
    contact: { id: c.contact.id, name: c.contact.name },
    lastSeq: c.lastSeq,
    lastMessageAt: c.lastMessageAt.toISOString(),
    preview: (last?.body || last?.attachments[0]?.fileName || "").slice(0, 140),
  };
}

/** One message as clients see it (after a change such as a delivery status or downloaded media). */
export async function messageEventById(tx: TTx, messageId: string): Promise<TMessageEvent | null> {
  const message = await tx.message.findUnique({
    where: { id: messageId },
    include: { ...MESSAGE_INCLUDE, conversation: { select: { contact: { select: { name: true } } } } },
  });
  if (!message) return null;
  return toMessageEvent(message, await authorsOf(tx, [message]), message.conversation.contact.name);
}
