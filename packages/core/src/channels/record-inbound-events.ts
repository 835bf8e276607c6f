import { createHash } from "node:crypto";
import type { TInboundEvent, TInboundMessage } from "@forecourt/channels";
import { withTenant, type Prisma } from "@forecourt/db";
import { MAX_MESSAGE_LENGTH } from "@forecourt/protocol";
import { sendMessage } from "../chat/send-message";
import type { TChannelPrincipal } from "../principal";
import { enqueueMediaFetch } from "./enqueue-delivery";
import { recordDeliveryStatus, recordWatermark } from "./record-delivery-status";
import { resolveChannelContact } from "./resolve-channel-contact";

export type TRecordCounts = { recorded: number; duplicates: number; statuses: number };

/** Events of one verified channel, in the order Meta sent them. */
export async function recordInboundEvents(
  principal: TChannelPrincipal,
  events: TInboundEvent[],
): Promise<TRecordCounts> {
  const counts: TRecordCounts = { recorded: 0, duplicates: 0, statuses: 0 };
  for (const event of events) {
    if (event.type === "message") {
      if (await recordInboundMessage(principal, event)) counts.recorded += 1;
      else counts.duplicates += 1;
    } else if (event.type === "status") {
      await recordDeliveryStatus(principal, event);
      counts.statuses += 1;
    } else {
      await recordWatermark(principal, event);
      counts.statuses += 1;
    }
  }
  return counts;
}

/** The idempotency key of an inbound message: derived from its external id (wamids can exceed 64 characters). */
export function inboundClientId(externalId: string): string {
  return `ch_${createHash("sha256").update(externalId).digest("hex").slice(0, 48)}`;
}

const MEDIA_WORD = {
  image: "Photo",
  audio: "Audio",
  voice: "Voice note",
  video: "Video",
  document: "Document",
  sticker: "Sticker",
  file: "File",
} as const;

/** Text from outside: PostgreSQL text holds no NUL, and a message has a length limit. */
function cleanText(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD").trim().slice(0, MAX_MESSAGE_LENGTH);
}

/**
 * One inbound message through the same seq/idempotency path as the widget (sendMessage): a
 * redelivery (same external id) writes nothing. Returns false for a duplicate.
 */
async function recordInboundMessage(principal: TChannelPrincipal, message: TInboundMessage): Promise<boolean> {
  const { customerId } = principal;
  const prepared = await withTenant(customerId, async (tx) => {
    const seen = await tx.message.findUnique({
      where: { customerId_externalId: { customerId, externalId: message.externalId } },
      select: { id: true },
    });
    if (seen) return null;
    const target = await resolveChannelContact(tx, principal, message);
    let content = message.content;
    if (content?.type === "reaction") {
      const to = await tx.message.findUnique({
        where: { customerId_externalId: { customerId, externalId: content.toExternalId } },
        select: { id: true, conversationId: true },
      });
      content = { ...content, toMessageId: to && to.conversationId === target.conversationId ? to.id : null };
    }
    return { target, content };
  });
  if (!prepared) return false;
  const { target, content } = prepared;
  // Pending media keeps Meta's reference for the download job (stripped from what clients see).
  const data = message.media
    ? { ...content, ref: message.media.ref, mimeType: message.media.mimeType, fileName: message.media.fileName }
    : content;
  const body = cleanText(message.text) || (message.media ? MEDIA_WORD[message.media.kind] : "(empty message)");
  const result = await sendMessage({
    sender: { channel: principal, contactId: target.contactId },
    input: { conversationId: target.conversationId, clientId: inboundClientId(message.externalId), body },
    externalId: message.externalId,
    data: (data ?? undefined) as Prisma.InputJsonValue | undefined,
    inboundAt: message.sentAt,
    awaitingJob: message.media !== null,
  });
  if (result.duplicate) return false;
  if (message.media) await enqueueMediaFetch(customerId, result.id);
  return true;
}
