import { createHash } from "node:crypto";
import { withTenant } from "@forecourt/db";
import { discardStoredFile, readAttachment as readStoredFile, storeAttachment } from "../storage/attachments";
import { conversationForAgent } from "./dealer-scope";
import { NotFoundError, InvalidInputError } from "../errors";
import { checkFile } from "./magic-bytes";
import { sendMessage, type TPersonSender } from "./send-message";

/**
 * Sends a file as a message: checks size, declared type and magic bytes, stores the bytes
 * through storage/attachments.ts (the one storage folder), then sends an ATTACHMENT message with the same idempotent
 * protocol as text (a resend with the same clientId stores nothing new).
 */
export async function sendAttachment(options: {
  sender: TPersonSender;
  conversationId: string;
  clientId: string;
  fileName: string;
  declaredType: string;
  bytes: Uint8Array;
  caption?: string;
}) {
  const check = checkFile({ bytes: options.bytes, declaredType: options.declaredType, fileName: options.fileName });
  if (!check.ok) throw new InvalidInputError(`File refused: ${check.reason.replaceAll("_", " ")}`);
  const { sender } = options;
  const customerId = "agent" in sender ? sender.agent.tenant.customerId : sender.visitor.customerId;
  // Check access before writing anything to disk.
  await withTenant(customerId, async (tx) => {
    if ("agent" in sender) return conversationForAgent(tx, sender.agent, options.conversationId);
    const c = await tx.conversation.findFirst({
      where: { id: options.conversationId, contactId: sender.visitor.contactId, channelId: sender.visitor.channelId },
    });
    if (!c) throw new NotFoundError("conversation");
    return c;
  });
  const storageKey = await storeAttachment(customerId, options.bytes);
  try {
    const result = await sendMessage({
      sender,
      input: { conversationId: options.conversationId, clientId: options.clientId, body: options.caption ?? "" },
      attachment: {
        fileName: check.fileName,
        mimeType: check.mimeType,
        sizeBytes: options.bytes.length,
        sha256: createHash("sha256").update(options.bytes).digest("hex"),
        storageKey,
      },
    });
    if (result.duplicate) await discardStoredFile(storageKey);
    return result;
  } catch (error) {
    await discardStoredFile(storageKey);
    throw error;
  }
}

/** The bytes of an attachment (the caller has verified a signed link). */
export async function readAttachment(options: { customerId: string; attachmentId: string }) {
  const attachment = await withTenant(options.customerId, (tx) =>
    tx.attachment.findUnique({ where: { id: options.attachmentId } }),
  );
  if (!attachment) return null;
  const bytes = await readStoredFile(attachment.storageKey);
  // A row whose file is gone (an erasure or purge mid-way): the same answer as no row.
  if (!bytes) return null;
  return { fileName: attachment.fileName, mimeType: attachment.mimeType, bytes };
}
