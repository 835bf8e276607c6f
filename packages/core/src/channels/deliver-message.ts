import {
  ChannelSendError,
  sendMessenger,
  sendWhatsApp,
  type TOutboundMessage,
  type TSendFailure,
} from "@forecourt/channels";
import { Prisma, withTenant, type TTx } from "@forecourt/db";
import { messageEventById, messageContentOf, attachmentUrl } from "../chat/message-event";
import { publishMessageUpdate } from "../chat/realtime";
import { readAttachment } from "../storage/attachments";
import type { TChannelPrincipal } from "../principal";
import { graphEndpoint, metaChannelOf, type TMetaChannel } from "./meta-channel";
import { applyEarlyStatuses } from "./record-delivery-status";
import { replyWindowFor } from "./reply-window";

export type TDeliveryAttempt = { attempt: number; maxAttempts: number };
export type TDeliveryOutcome = "sent" | "skipped" | "failed";

/**
 * The delivery job (DESIGN.md "Outbound deliveries"): sends one committed QUEUED message to its
 * channel and stores the external id, so statuses find it. A message that is no longer QUEUED
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
    const { externalId } = await send(job);
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

type TLoadedDelivery = {
  channel: TMetaChannel;
  principal: TChannelPrincipal;
  recipient: { wa_id: string | null; bsuid: string | null; psid: string | null };
  message: TOutboundMessage;
  humanAgentTag: boolean;
};

async function loadDelivery(tx: TTx, messageId: string): Promise<TLoadedDelivery | { failure: TSendFailure } | null> {
  const m = await tx.message.findUnique({
    where: { id: messageId },
    include: {
      attachments: { take: 1 },
      conversation: { include: { channel: true, contact: { include: { identities: true } } } },
    },
  });
  if (!m || m.deliveryStatus !== "QUEUED") return null;
  const channel = metaChannelOf(m.conversation.channel);
  if (!channel)
    return {
      failure: { code: "channel_misconfigured", message: "The channel's settings are incomplete.", retryable: false },
    };
  if (channel.status !== "ACTIVE")
    return {
      failure: {
        code: "channel_disabled",
        message: "The channel was disabled before the message went out.",
        retryable: true,
      },
    };
  const content = messageContentOf(m.data);
  const isTemplate = content?.type === "template";
  const window = replyWindowFor(channel.type, m.conversation.lastInboundAt);
  if (window.state === "closed" && !isTemplate)
    return {
      failure: {
        code: "reply_window_closed",
        message: "The reply window closed before the message went out. Send an approved template instead.",
        retryable: false,
      },
    };
  const identity = (kind: string) =>
    m.conversation.contact.identities
      .filter((i) => i.channelType === channel.type && i.externalId.startsWith(`${kind}:`))
      .map((i) => i.externalId.slice(kind.length + 1))[0] ?? null;
  let message: TOutboundMessage;
  const attachment = m.attachments[0];
  if (content?.type === "template")
    message = { kind: "template", name: content.name, language: content.language, variables: content.variables };
  else if (attachment) {
    const bytes = await readAttachment(attachment.storageKey);
    if (!bytes)
      return { failure: { code: "file_missing", message: "The file is no longer stored.", retryable: false } };
    message = {
      kind: "media",
      mediaKind: mediaKindOf(attachment.mimeType),
      bytes,
      mimeType: attachment.mimeType,
      fileName: attachment.fileName,
      url: attachmentUrl(m.customerId, attachment.id),
      caption: m.body,
    };
  } else message = { kind: "text", text: m.body };
  return {
    channel,
    principal: {
      kind: "channel",
      customerId: channel.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      channelType: channel.type,
    },
    recipient: { wa_id: identity("wa_id"), bsuid: identity("bsuid"), psid: identity("psid") },
    message,
    humanAgentTag: window.state === "human_agent",
  };
}

function mediaKindOf(mimeType: string): "image" | "audio" | "video" | "document" {
  if (mimeType.startsWith("image/")) return "image";
  if (mimeType.startsWith("audio/")) return "audio";
  if (mimeType.startsWith("video/")) return "video";
  return "document";
}

async function send(job: TLoadedDelivery): Promise<{ externalId: string }> {
  const endpoint = graphEndpoint();
  if (job.channel.type === "WHATSAPP")
    return sendWhatsApp(
      { endpoint, config: job.channel.config, secrets: job.channel.secrets },
      { phone: job.recipient.wa_id, bsuid: job.recipient.bsuid },
      job.message,
    );
  if (!job.recipient.psid)
    throw new ChannelSendError({
      code: "no_recipient",
      message: "This contact has no Messenger id.",
      retryable: false,
    });
  return sendMessenger(
    { endpoint, config: job.channel.config, secrets: job.channel.secrets },
    job.recipient.psid,
    job.message,
    {
      humanAgentTag: job.humanAgentTag,
    },
  );
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
