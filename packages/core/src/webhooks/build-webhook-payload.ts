import type { TTx } from "@forecourt/db";
import type { TWebhookEventType } from "@forecourt/protocol";
import { vehicleView } from "../contacts/vehicle-fields";

/** An outbox row as the delivery job reads it. */
export type TWebhookEventRow = {
  id: string;
  type: string;
  conversationId: string | null;
  messageId: string | null;
  contactId: string | null;
  createdAt: Date;
};

/** The body of a delivery: Standard Webhooks' recommended envelope (type, timestamp, data). */
export type TWebhookPayload = { type: TWebhookEventType; timestamp: string; data: Record<string, unknown> };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Builds an event's payload from the database as it is now (docs/webhooks.md "Payloads"), in the
 * tenant's transaction. Null when its object is gone (erased, purged, deleted): nothing is sent,
 * so a webhook never carries data that no longer exists here.
 */
export async function buildWebhookPayload(tx: TTx, event: TWebhookEventRow): Promise<TWebhookPayload | null> {
  const type = event.type as TWebhookEventType;
  const data = await dataOf(tx, type, event);
  return data ? { type, timestamp: event.createdAt.toISOString(), data } : null;
}

async function dataOf(tx: TTx, type: TWebhookEventType, event: TWebhookEventRow) {
  switch (type) {
    case "message.created": {
      if (!event.messageId) return null;
      const message = await messageOf(tx, event.messageId);
      if (!message) return null;
      const conversation = await conversationOf(tx, message.conversationId);
      return conversation ? { message, conversation } : null;
    }
    case "conversation.created":
    case "conversation.assigned":
    case "conversation.status_changed": {
      const conversation = event.conversationId ? await conversationOf(tx, event.conversationId) : null;
      return conversation ? { conversation } : null;
    }
    case "contact.created":
    case "contact.updated": {
      const contact = event.contactId ? await contactOf(tx, event.contactId) : null;
      return contact ? { contact } : null;
    }
    case "lead.created": {
      if (!event.conversationId) return null;
      const conversation = await conversationOf(tx, event.conversationId);
      if (!conversation) return null;
      const contact = await contactOf(tx, conversation.contactId);
      if (!contact) return null;
      const first = await tx.message.findFirst({
        where: { conversationId: conversation.id, authorType: "CONTACT" },
        orderBy: { seq: "asc" },
        select: { body: true },
      });
      return {
        lead: {
          id: conversation.id,
          source: conversation.channelType === "WIDGET" ? "website_chat" : conversation.channelType.toLowerCase(),
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          departmentId: conversation.departmentId,
          message: first?.body ?? null,
          createdAt: conversation.createdAt,
        },
        conversation,
        contact,
      };
    }
    default:
      return null;
  }
}

async function conversationOf(tx: TTx, id: string) {
  const c = await tx.conversation.findUnique({
    where: { id },
    include: { channel: { select: { type: true } } },
  });
  if (!c) return null;
  return {
    id: c.id,
    dealerId: c.dealerId,
    channelId: c.channelId,
    channelType: c.channel.type,
    contactId: c.contactId,
    departmentId: c.departmentId,
    status: c.status,
    assigneeId: c.assigneeId,
    subject: c.subject,
    snoozedUntil: iso(c.snoozedUntil),
    lastMessageAt: iso(c.lastMessageAt),
    createdAt: iso(c.createdAt),
    closedAt: iso(c.closedAt),
  };
}

async function messageOf(tx: TTx, id: string) {
  const m = await tx.message.findUnique({
    where: { id },
    include: { attachments: { select: { id: true, fileName: true, mimeType: true, sizeBytes: true } } },
  });
  if (!m) return null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    clientId: m.clientId,
    authorType: m.authorType,
    authorUserId: m.authorUserId,
    kind: m.kind,
    body: m.body,
    attachments: m.attachments,
    createdAt: iso(m.createdAt),
  };
}

async function contactOf(tx: TTx, id: string) {
  const c = await tx.contact.findUnique({
    where: { id },
    include: { vehicles: { orderBy: { createdAt: "asc" } } },
  });
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    vehicles: c.vehicles.map(vehicleView),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}
