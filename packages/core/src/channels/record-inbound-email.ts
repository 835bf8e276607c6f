import { createHash, randomUUID } from "node:crypto";
import { decodeReplyToken, threadLookupIds, type TEmailAuth, type TInboundEmail } from "@forecourt/channels";
import { withTenant, type Prisma, type TTx } from "@forecourt/db";
import { MAX_MESSAGE_LENGTH, type TMessageContent } from "@forecourt/protocol";
import { checkFile, normaliseType } from "../chat/magic-bytes";
import { messageEventById } from "../chat/message-event";
import { afterAppend, appendMessage, type TAppended } from "../chat/send-message";
import type { TChannelPrincipal } from "../principal";
import { discardStoredFile, storeAttachment } from "../storage/attachments";
import { emailExternalId, replyTokenKey } from "./email-channel";
import { inboundClientId } from "./record-inbound-events";
import { lockIdentities } from "./resolve-channel-contact";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";

type TStoredFile = {
  role: "FILE" | "INLINE" | "SOURCE";
  contentId: string | null;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
};

export type TInboundEmailOutcome =
  { state: "recorded"; conversationId: string; messageId: string } | { state: "duplicate" };

const MAX_FILES = 30;
const REASON: Record<string, string> = {
  too_large: "too large",
  empty: "empty",
  type_not_allowed: "type not accepted",
  type_mismatch: "content does not match its type",
};

/**
 * One inbound e-mail into one e-mail channel (receive-email.ts calls it per channel the mail
 * was addressed to). Files first (the raw message as SOURCE, attachments as FILE, inline images
 * as INLINE with their Content-ID), then one transaction: lock the sender's identity and the
 * Message-ID (a redelivery racing its original waits, then finds it), skip a Message-ID this
 * channel already has, resolve the contact, thread, append, attach. Files of a mail that turned
 * out to be a duplicate, or whose transaction failed, are removed again.
 *
 * Threading, in this order (issue 11; Chatwoot #10028, #13502, #3868):
 *  1. the reply token in the address it was sent to (our Reply-To),
 *  2. In-Reply-To, then References newest first, against Message-IDs sent or received in THIS channel,
 *  3. a new conversation.
 * A match counts only when the conversation's contact is this sender: a reply from another
 * address to the same thread (a colleague, a newsletter's recipients) opens its own conversation.
 */
export async function recordInboundEmail(
  principal: TChannelPrincipal,
  input: { email: TInboundEmail; raw: Uint8Array; auth: TEmailAuth | null; tokens: string[] },
): Promise<TInboundEmailOutcome> {
  const { email } = input;
  const { customerId, channelId } = principal;
  const externalId = emailExternalId(channelId, email.messageId);
  const known = await withTenant(customerId, (tx) =>
    tx.message.findUnique({ where: { customerId_externalId: { customerId, externalId } }, select: { id: true } }),
  );
  if (known) return { state: "duplicate" };

  const { files, refused } = await storeFiles(customerId, input.raw, email);
  let appended: TAppended | null = null;
  try {
    appended = await withTenant(customerId, async (tx) => {
      await lockIdentities(tx, principal, [`email:${email.from.address}`, `message-id:${externalId}`]);
      const again = await tx.message.findUnique({
        where: { customerId_externalId: { customerId, externalId } },
        select: { id: true },
      });
      if (again) return null;
      const contactId = await resolveEmailContact(tx, principal, email);
      const conversationId =
        (await threadByToken(tx, principal, contactId, input.tokens)) ??
        (await threadByHeaders(tx, principal, contactId, email)) ??
        (await newConversation(tx, principal, contactId, email));
      const content: TMessageContent = {
        type: "email",
        subject: email.subject,
        from: email.from,
        to: email.to.map((t) => t.address),
        cc: email.cc.map((t) => t.address),
        folded: email.foldedText.slice(0, 100_000),
        references: email.references.slice(-50),
        hasHtml: email.html !== null,
        auth: input.auth,
        refused,
      };
      const result = await appendMessage(tx, {
        sender: { channel: principal, contactId },
        input: { conversationId, clientId: inboundClientId(externalId), body: bodyOf(email) },
        externalId,
        data: content as Prisma.InputJsonValue,
        inboundAt: email.date ?? new Date(),
      });
      if (result.duplicate) return null;
      if (files.length > 0)
        await tx.attachment.createMany({ data: files.map((f) => ({ customerId, messageId: result.id, ...f })) });
      const event = await messageEventById(tx, result.id);
      return { ...result, event: event ?? result.event };
    });
  } catch (error) {
    await Promise.all(files.map((f) => discardStoredFile(f.storageKey)));
    throw error;
  }
  if (!appended) {
    await Promise.all(files.map((f) => discardStoredFile(f.storageKey)));
    return { state: "duplicate" };
  }
  await afterAppend(customerId, appended);
  return { state: "recorded", conversationId: appended.event.conversationId, messageId: appended.id };
}

/** What the inbox shows as the message: what the sender wrote now (the quote is in `folded`). */
function bodyOf(email: TInboundEmail): string {
  const text = email.mainText.replaceAll("\u0000", "\uFFFD").trim();
  return (text || email.subject || "(empty e-mail)").slice(0, MAX_MESSAGE_LENGTH);
}

async function storeFiles(customerId: string, raw: Uint8Array, email: TInboundEmail) {
  const files: TStoredFile[] = [];
  const refused: { fileName: string; reason: string }[] = [];
  const store = async (file: Omit<TStoredFile, "storageKey" | "sha256" | "sizeBytes">, bytes: Uint8Array) => {
    const storageKey = await storeAttachment(customerId, bytes);
    files.push({
      ...file,
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
    });
  };
  try {
    // The original, for evidence and for the HTML view; deleted with the message like any file.
    await store({ role: "SOURCE", contentId: null, fileName: "message.eml", mimeType: "message/rfc822" }, raw);
    for (const [index, attachment] of email.attachments.entries()) {
      if (index >= MAX_FILES) {
        refused.push({ fileName: attachment.fileName.slice(0, 300), reason: "too many files in one mail" });
        continue;
      }
      const check = checkFile({
        bytes: attachment.bytes,
        declaredType: normaliseType(attachment.mimeType),
        fileName: attachment.fileName,
      });
      if (!check.ok) {
        refused.push({ fileName: attachment.fileName.slice(0, 300), reason: REASON[check.reason] ?? check.reason });
        continue;
      }
      const inline = attachment.inline && attachment.contentId !== null && check.mimeType.startsWith("image/");
      await store(
        {
          role: inline ? "INLINE" : "FILE",
          contentId: attachment.contentId?.slice(0, 300) ?? null,
          fileName: check.fileName,
          mimeType: check.mimeType,
        },
        attachment.bytes,
      );
    }
  } catch (error) {
    await Promise.all(files.map((f) => discardStoredFile(f.storageKey)));
    throw error;
  }
  return { files, refused };
}

/** The sender as a contact: known by this address (identity "email:<address>"), else new. */
async function resolveEmailContact(tx: TTx, principal: TChannelPrincipal, email: TInboundEmail): Promise<string> {
  const { customerId } = principal;
  const key = `email:${email.from.address}`;
  const identity = await tx.contactIdentity.findUnique({
    where: { customerId_channelType_externalId: { customerId, channelType: "EMAIL", externalId: key } },
    select: { contactId: true },
  });
  if (identity) return identity.contactId;
  const id = randomUUID();
  await tx.contact.create({
    data: {
      id,
      customerId,
      name: email.from.name,
      email: email.from.address,
      // T 7.1/7.2: the customer wrote to the dealer first; answering is a step at their request.
      legalBasis: "CONTRACT",
      legalBasisNote: "The customer wrote first by e-mail; replying is a step at their request (GDPR Art. 6(1)(b)).",
      legalBasisRecordedAt: new Date(),
      lastEngagedAt: new Date(),
    },
  });
  await tx.contactIdentity.create({ data: { customerId, contactId: id, channelType: "EMAIL", externalId: key } });
  await recordWebhookEvent(tx, customerId, { type: "contact.created", contactId: id });
  return id;
}

async function threadByToken(tx: TTx, principal: TChannelPrincipal, contactId: string, tokens: string[]) {
  const key = replyTokenKey();
  for (const token of tokens) {
    const conversationId = decodeReplyToken(token, key);
    if (!conversationId) continue;
    const conversation = await tx.conversation.findFirst({
      where: { id: conversationId, customerId: principal.customerId, channelId: principal.channelId },
      select: { id: true, contactId: true },
    });
    if (conversation?.contactId === contactId) return conversation.id;
  }
  return null;
}

async function threadByHeaders(tx: TTx, principal: TChannelPrincipal, contactId: string, email: TInboundEmail) {
  const ids = threadLookupIds(email).map((id) => emailExternalId(principal.channelId, id));
  if (ids.length === 0) return null;
  const found = await tx.message.findMany({
    where: { customerId: principal.customerId, externalId: { in: ids } },
    select: { externalId: true, conversation: { select: { id: true, contactId: true, channelId: true } } },
  });
  for (const id of ids) {
    const hit = found.find((m) => m.externalId === id);
    if (hit && hit.conversation.channelId === principal.channelId && hit.conversation.contactId === contactId)
      return hit.conversation.id;
  }
  return null;
}

async function newConversation(tx: TTx, principal: TChannelPrincipal, contactId: string, email: TInboundEmail) {
  const conversation = await tx.conversation.create({
    data: {
      customerId: principal.customerId,
      dealerId: principal.dealerId,
      channelId: principal.channelId,
      contactId,
      status: "OPEN",
      subject: email.threadSubject || null,
      lastInboundAt: new Date(),
    },
    select: { id: true },
  });
  await recordWebhookEvent(tx, principal.customerId, {
    type: "conversation.created",
    conversationId: conversation.id,
    contactId,
  });
  return conversation.id;
}
