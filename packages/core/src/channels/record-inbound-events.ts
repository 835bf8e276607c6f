import { createHash } from "node:crypto";
import type { TInboundEvent, TInboundMessage } from "@forecourt/channels";
import { withTenant, type Prisma, type TTx } from "@forecourt/db";
import { MAX_MESSAGE_LENGTH } from "@forecourt/protocol";
import { afterAppend, appendMessage, type TAppended } from "../chat/send-message";
import type { TChannelPrincipal } from "../principal";
import { enqueueMediaFetch } from "./enqueue-delivery";
import { channelLooksUpNames, enqueueNameLookup } from "./lookup-contact-name";
import { recordDeliveryStatus, recordWatermark } from "./record-delivery-status";
import { identityKey, lockIdentities, resolveChannelContacts, type TChannelTarget } from "./resolve-channel-contact";

export type TRecordCounts = { recorded: number; duplicates: number; statuses: number };

/**
 * Events of one verified channel, in the order Meta sent them. Consecutive messages are written
 * in one transaction (Meta batches under load; one commit per batch, not per message), each
 * through the same append as a widget message (seq, idempotency by clientId).
 */
export async function recordInboundEvents(
  principal: TChannelPrincipal,
  events: TInboundEvent[],
): Promise<TRecordCounts> {
  const counts: TRecordCounts = { recorded: 0, duplicates: 0, statuses: 0 };
  let batch: TInboundMessage[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const recorded = await recordInboundMessages(principal, batch);
    counts.recorded += recorded;
    counts.duplicates += batch.length - recorded;
    batch = [];
  };
  for (const event of events) {
    if (event.type === "message") {
      batch.push(event);
      continue;
    }
    await flush();
    if (event.type === "status") await recordDeliveryStatus(principal, event);
    else await recordWatermark(principal, event);
    counts.statuses += 1;
  }
  await flush();
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
 * One transaction for a batch: lock every sender's identities first (sorted, so two batches
 * never deadlock), then skip what was recorded before (a redelivery writes nothing), then
 * resolve contact and conversation and append each message. Returns how many were new.
 */
async function recordInboundMessages(principal: TChannelPrincipal, messages: TInboundMessage[]): Promise<number> {
  const { customerId } = principal;
  const appended = await withTenant(customerId, async (tx) => {
    await lockIdentities(
      tx,
      principal,
      messages.flatMap((m) => m.identities.map(identityKey)),
    );
    const seen = new Set(
      (
        await tx.message.findMany({
          where: { customerId, externalId: { in: messages.map((m) => m.externalId) } },
          select: { externalId: true },
        })
      ).map((m) => m.externalId),
    );
    const fresh = messages.filter((m) => {
      if (seen.has(m.externalId)) return false;
      seen.add(m.externalId); // the same id twice in one payload
      return true;
    });
    const targets = await resolveChannelContacts(tx, principal, fresh);
    const out: { result: TAppended; media: boolean; target: TChannelTarget }[] = [];
    for (const message of fresh) {
      const target = targets.get(message.externalId)!;
      out.push({ result: await appendInbound(tx, principal, message, target), media: message.media !== null, target });
    }
    return out;
  });
  const named = new Set<string>();
  for (const { result, media, target } of appended) {
    await afterAppend(customerId, result);
    if (media && !result.duplicate) await enqueueMediaFetch(customerId, result.id);
    if (target.namelessNew && !named.has(target.contactId) && channelLooksUpNames(principal.channelType)) {
      named.add(target.contactId);
      await enqueueNameLookup(customerId, target.contactId, principal.channelId);
    }
  }
  return appended.filter((a) => !a.result.duplicate).length;
}

async function appendInbound(
  tx: TTx,
  principal: TChannelPrincipal,
  message: TInboundMessage,
  target: TChannelTarget,
): Promise<TAppended> {
  let content = message.content;
  // Reactions and edits point at an earlier message: link it when it is in this conversation.
  if (content?.type === "reaction" || content?.type === "edit") {
    const to = await tx.message.findUnique({
      where: { customerId_externalId: { customerId: principal.customerId, externalId: content.toExternalId } },
      select: { id: true, conversationId: true },
    });
    content = { ...content, toMessageId: to && to.conversationId === target.conversationId ? to.id : null };
  }
  // Pending media keeps Meta's reference for the download job (stripped from what clients see).
  const data = message.media
    ? { ...content, ref: message.media.ref, mimeType: message.media.mimeType, fileName: message.media.fileName }
    : content;
  const body = cleanText(message.text) || (message.media ? MEDIA_WORD[message.media.kind] : "(empty message)");
  return appendMessage(tx, {
    sender: { channel: principal, contactId: target.contactId },
    input: { conversationId: target.conversationId, clientId: inboundClientId(message.externalId), body },
    externalId: message.externalId,
    data: (data ?? undefined) as Prisma.InputJsonValue | undefined,
    inboundAt: message.sentAt,
    awaitingJob: message.media !== null,
  });
}
