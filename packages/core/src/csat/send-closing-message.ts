import { withTenant } from "@forecourt/db";
import { sendAutomaticReply } from "../chat/send-automatic-reply";
import { closingText } from "./closing-texts";
import { ratingUrl } from "./rating-link";

/**
 * After an agent closes a conversation: the platform tells the contact on the conversation's own
 * channel, with the link to rate it (CSAT) and to get the transcript by e-mail. Once per closing
 * (the clientId carries the closing time); skipped where the channel refuses (a closed WhatsApp
 * window, a channel switched off) and for conversations the contact never wrote in.
 */
export async function sendClosingMessage(customerId: string, conversationId: string): Promise<boolean> {
  const c = await withTenant(customerId, (tx) =>
    tx.conversation.findUnique({
      where: { id: conversationId },
      select: {
        status: true,
        closedAt: true,
        language: true,
        dealer: { select: { name: true } },
        _count: { select: { messages: { where: { authorType: "CONTACT" } } } },
      },
    }),
  );
  if (!c || c.status !== "CLOSED" || !c.closedAt || c._count.messages === 0) return false;
  const sent = await sendAutomaticReply({
    customerId,
    conversationId,
    body: closingText(c.language, c.dealer.name, ratingUrl(customerId, conversationId)),
    source: "closing",
    name: c.dealer.name,
    clientId: `closing-${conversationId}-${c.closedAt.getTime()}`,
  });
  return sent !== null;
}
