import { emailFrameDocument, parseInboundEmail, sanitizeEmailHtml } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { withTenant } from "@forecourt/db";
import { z } from "zod";
import { attachmentUrl } from "../chat/message-event";
import { conversationForAgent } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { readAttachment } from "../storage/attachments";

export const ZGetEmailHtml = z.object({
  messageId: z.uuid(),
  /** The agent clicked "Show images": remote images load (tracking pixels stay out). */
  images: z.boolean().default(false),
});

export type TEmailHtml = { document: string; remoteImages: number; trackingPixels: number };

/**
 * The HTML version of an inbound e-mail for the inbox's sandboxed frame: read from the raw
 * message we kept (role SOURCE) and sanitised now, so a better sanitiser protects old mail too
 * and no HTML is ever stored in the database. Inline images (cid:) point at the message's
 * INLINE attachments by signed link. Permission and dealer scope as reading the conversation.
 */
export async function getEmailHtml(
  options: { principal: TTenantPrincipal } & z.input<typeof ZGetEmailHtml>,
): Promise<TEmailHtml> {
  const { principal } = options;
  const input = ZGetEmailHtml.parse(options);
  assertMay(principal, "inbox.view");
  const customerId = principal.tenant.customerId;
  const message = await withTenant(customerId, async (tx) => {
    const row = await tx.message.findFirst({
      where: { id: input.messageId, customerId },
      select: {
        conversationId: true,
        attachments: {
          where: { role: { in: ["SOURCE", "INLINE"] } },
          select: { id: true, role: true, contentId: true, storageKey: true },
        },
      },
    });
    if (!row) throw new NotFoundError("message");
    await conversationForAgent(tx, principal, row.conversationId);
    return row;
  });
  const source = message.attachments.find((a) => a.role === "SOURCE");
  const raw = source ? await readAttachment(source.storageKey) : null;
  if (!raw) throw new NotFoundError("message");
  const email = await parseInboundEmail(raw);
  if (!email.html) throw new NotFoundError("message");
  const inline = new Map(
    message.attachments.filter((a) => a.role === "INLINE" && a.contentId).map((a) => [a.contentId!, a.id]),
  );
  const clean = sanitizeEmailHtml(email.html, {
    cidUrl: (cid) => (inline.has(cid) ? attachmentUrl(customerId, inline.get(cid)!) : null),
    allowRemoteImages: input.images,
  });
  return {
    document: emailFrameDocument(clean.html, {
      ownOrigin: new URL(getConfig().WEB_URL).origin,
      allowRemoteImages: input.images,
    }),
    remoteImages: clean.remoteImages,
    trackingPixels: clean.trackingPixels,
  };
}
