import { ChannelSendError, type TOutboundMessage, type TSendFailure } from "@forecourt/channels";
import { Prisma, withTenant, type TTx } from "@forecourt/db";
import { messageEventById, messageContentOf, attachmentUrl } from "../chat/message-event";
import { publishMessageUpdate } from "../chat/realtime";
import { readAttachment } from "../storage/attachments";
import type { TChannelPrincipal, TExternalChannelType } from "../principal";
import { driverFor, permanent, type TDeliveryDriver, type TDeliveryJob, type TDriverAttachment } from "./drivers";
import { applyEarlyStatuses } from "./record-delivery-status";
import { replyWindowFor } from "./reply-window";

export type TDeliveryAttempt = { attempt: number; maxAttempts: number };
export type TDeliveryOutcome = "sent" | "skipped" | "failed";

/**
 * The delivery job (DESIGN.md "Outbound deliveries"): sends one committed QUEUED message to its
 * channel through its driver (drivers/) and stores the external id, so statuses find it. A message that is no longer QUEUED
 * (sent, failed, erased) is skipped, so a second run sends nothing. Retryable failures (5xx,
 * 429, time-outs) throw for BullMQ's backoff until the last attempt; permanent ones (131047
 * outside the window, a refused token) are recorded at once and never retried.
 */
export async function deliverMessage(
  options: { customerId: string; messageId: string } & TDeliveryAttempt,
): Promise<TDeliveryOutcome> {
  const job = await withTenant(options.customerId, (tx) => loadDelivery(tx, options.messageId));
  if (!job) return "skipped";
  if ("failure" in job) {
    await markFailed(options.customerId, options.messageId, job.failure);
    return "failed";
  }
  try {
    const { externalId } = await job.driver.send(job.job);
    const event = await withTenant(options.customerId, async (tx) => {
      const updated = await tx.message.updateMany({
        where: { id: options.messageId, deliveryStatus: "QUEUED" },
        data: {
          externalId,
          deliveryStatus: "SENT",
          deliveryAt: new Date(),
          deliveryError: Prisma.DbNull,
          awaitingJob: false,
        },
      });
      return updated.count > 0 ? messageEventById(tx, options.messageId) : null;
    });
    if (event) publishMessageUpdate(event);
    await applyEarlyStatuses(job.principal, externalId);
    return "sent";
  } catch (error) {
    if (!(error instanceof ChannelSendError)) throw error;
    const last = options.attempt >= options.maxAttempts;
    if (error.failure.retryable && !last) throw error; // BullMQ retries with backoff
    await markFailed(options.customerId, options.messageId, error.failure);
    return "failed";
  }
}

type TLoadedDelivery = { job: TDeliveryJob; driver: TDeliveryDriver; principal: TChannelPrincipal };

async function loadDelivery(tx: TTx, messageId: string): Promise<TLoadedDelivery | { failure: TSendFailure } | null> {
  const m = await tx.message.findUnique({
    where: { id: messageId },
    include: {
      attachments: { where: { role: "FILE" }, orderBy: { createdAt: "asc" } },
      conversation: { include: { channel: true, contact: { include: { identities: true } } } },
    },
  });
  if (!m || m.deliveryStatus !== "QUEUED") return null;
  const { channel, contact } = m.conversation;
  const driver = driverFor(channel.type);
  if (!driver) return { failure: permanent("channel_unsupported", "Messages are not delivered on this channel.") };
  if (channel.status !== "ACTIVE")
    return {
      failure: {
        code: "channel_disabled",
        message: "The channel was disabled before the message went out.",
        retryable: true,
      },
    };
  const identities = contact.identities.filter((i) => i.channelType === channel.type);
  const refusal = driver.refusal?.(identities);
  if (refusal) return { failure: permanent(refusal.code, refusal.message) };
  const content = messageContentOf(m.data);
  const window = replyWindowFor(channel.type, m.conversation.lastInboundAt);
  if (window.state === "closed" && content?.type !== "template")
    return {
      failure: permanent(
        "reply_window_closed",
        "The reply window closed before the message went out. Send an approved template instead.",
      ),
    };
  const attachments: TDriverAttachment[] = [];
  for (const a of m.attachments) {
    const bytes = await readAttachment(a.storageKey);
    if (!bytes) return { failure: permanent("file_missing", "The file is no longer stored.") };
    attachments.push({ ...a, bytes, url: attachmentUrl(m.customerId, a.id) });
  }
  const first = attachments[0];
  const outbound: TOutboundMessage =
    content?.type === "template"
      ? { kind: "template", name: content.name, language: content.language, variables: content.variables }
      : first
        ? {
            kind: "media",
            mediaKind: mediaKindOf(first.mimeType),
            bytes: first.bytes,
            mimeType: first.mimeType,
            fileName: first.fileName,
            url: first.url,
            caption: m.body,
          }
        : { kind: "text", text: m.body };
  return {
    driver,
    principal: {
      kind: "channel",
      customerId: channel.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      channelType: channel.type as TExternalChannelType,
    },
    job: {
      channel,
      message: {
        id: m.id,
        conversationId: m.conversationId,
        body: m.body,
        data: m.data,
        authorUserId: m.authorUserId,
        createdAt: m.createdAt,
      },
      contact: { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
      identities,
      attachments,
      outbound,
      window,
    },
  };
}

function mediaKindOf(mimeType: string): "image" | "audio" | "video" | "document" {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}

async function markFailed(customerId: string, messageId: string, failure: TSendFailure) {
  const event = await withTenant(customerId, async (tx) => {
    const updated = await tx.message.updateMany({
      where: { id: messageId, deliveryStatus: "QUEUED" },
      data: { deliveryStatus: "FAILED", deliveryError: failure, deliveryAt: new Date(), awaitingJob: false },
    });
    return updated.count > 0 ? messageEventById(tx, messageId) : null;
  });
  if (event) publishMessageUpdate(event);
}
