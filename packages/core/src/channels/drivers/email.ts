import {
  ChannelSendError,
  encodeReplyToken,
  replyAddress,
  replyReferences,
  replySubject,
  sendEmail,
} from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { messageContentOf } from "../../chat/message-event";
import { emailChannelOf, emailExternalId, messageIdOfExternalId, replyTokenKey, smtpRelay } from "../email-channel";
import { permanent, type TDeliveryDriver, type TDeliveryJob } from "./types";

/**
 * E-mail replies through the configured SMTP relay (SMTP_HOST/SMTP_PORT; the demo's and the
 * tests' mail catcher plays the customer's mailbox). From the dealer's name and address; our
 * Message-ID is derived from the message's id, so a retried job re-sends the same Message-ID
 * (mail clients show one copy) and its answer threads; In-Reply-To is the conversation's newest
 * mail before this one, References the thread's chain (RFC 5322 §3.6.4); Reply-To carries the
 * conversation's reply token. No reply window: e-mail can always be answered.
 */
export const emailDriver: TDeliveryDriver = {
  async send(job) {
    const channel = emailChannelOf(job.channel);
    if (!channel)
      throw new ChannelSendError(permanent("channel_misconfigured", "The e-mail channel's settings are incomplete."));
    const to = recipientOf(job);
    if (!to) throw new ChannelSendError(permanent("no_recipient", "This contact has no e-mail address."));
    const thread = await threadOf(job);
    const messageId = `<${job.message.id}@${channel.config.inboundDomain}>`;
    const token = encodeReplyToken(job.message.conversationId, replyTokenKey());
    const signature = [thread.agentName, channel.config.fromName].filter(Boolean).join("\n");
    await sendEmail(smtpRelay(), {
      from: { name: channel.config.fromName, address: channel.config.fromAddress },
      to,
      replyTo: replyAddress(
        { localPart: channel.config.inboundLocalPart, domain: channel.config.inboundDomain },
        token,
      ),
      subject: replySubject(thread.subject),
      messageId,
      inReplyTo: thread.parent?.messageId ?? null,
      references: thread.parent ? replyReferences(thread.parent) : [],
      text: signature ? `${job.message.body}\n\n-- \n${signature}` : job.message.body,
      attachments: job.attachments.map((a) => ({ fileName: a.fileName, mimeType: a.mimeType, bytes: a.bytes })),
    });
    return { externalId: emailExternalId(channel.id, messageId) };
  },
};

function recipientOf(job: TDeliveryJob): string | null {
  const identity = job.identities.find((i) => i.externalId.startsWith("email:"));
  return identity ? identity.externalId.slice("email:".length) : job.contact.email;
}

/**
 * The conversation's subject and the mail we answer: the newest message before this one that
 * has a Message-ID (usually the customer's last mail). Its References are what it carried
 * (inbound) or, for our own earlier reply, the thread's ids in order.
 */
async function threadOf(job: TDeliveryJob) {
  return withTenant(job.channel.customerId, async (tx) => {
    const conversation = await tx.conversation.findUniqueOrThrow({
      where: { id: job.message.conversationId },
      select: { subject: true },
    });
    const earlier = await tx.message.findMany({
      where: {
        conversationId: job.message.conversationId,
        customerId: job.channel.customerId,
        externalId: { not: null },
        createdAt: { lte: job.message.createdAt },
        id: { not: job.message.id },
      },
      orderBy: { seq: "asc" },
      select: { externalId: true, data: true },
      take: 200,
    });
    const agent = job.message.authorUserId
      ? await tx.user.findUnique({ where: { id: job.message.authorUserId }, select: { name: true } })
      : null;
    const ids = earlier.map((m) => messageIdOfExternalId(m.externalId)).filter((id): id is string => id !== null);
    const last = earlier.at(-1);
    const lastContent = last ? messageContentOf(last.data) : null;
    const parentId = last ? messageIdOfExternalId(last.externalId) : null;
    const carried = lastContent?.type === "email" ? lastContent.references : [];
    const chain = [...new Set([...carried, ...ids])].filter((id) => id !== parentId);
    const firstEmail = earlier.map((m) => messageContentOf(m.data)).find((c) => c?.type === "email");
    return {
      subject: conversation.subject ?? (firstEmail?.type === "email" ? firstEmail.subject : null),
      parent: parentId ? { messageId: parentId, references: chain } : null,
      agentName: agent?.name ?? null,
    };
  });
}
