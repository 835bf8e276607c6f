import { withProviderAccess } from "@forecourt/db";
import type { TChannelType, TMessageEvent } from "@forecourt/protocol";
import { authorsOf, MESSAGE_INCLUDE, toMessageEvent } from "../chat/message-event";
import { assertProvider, principalMay, type TUserPrincipal } from "../principal";
import { managedConversation } from "./managed-agent-principal";

export type TManagedConversation = {
  id: string;
  customerId: string;
  customerName: string;
  dealerName: string;
  contactName: string | null;
  channelType: TChannelType;
  status: string;
  /** The latest messages (notes included: the dealer's team may have left one for the managed agent). */
  messages: TMessageEvent[];
  /** A managed agent may answer it (provider support only reads). */
  mayReply: boolean;
};

const HISTORY = 100;

/**
 * One Plus customer's conversation as the managed-agent view shows it: header and latest
 * messages. Under provider access (audited); a Standard customer's conversation is not found.
 */
export async function getManagedConversation(options: {
  actor: TUserPrincipal;
  conversationId: string;
}): Promise<TManagedConversation> {
  assertProvider(options.actor, "provider.managed_queue.view");
  return withProviderAccess(
    {
      actorUserId: options.actor.userId,
      reason: `managed queue: open conversation ${options.conversationId}`,
      ip: options.actor.ip,
    },
    async (tx) => {
      const c = await managedConversation(tx, options.conversationId);
      const rows = await tx.message.findMany({
        where: { conversationId: c.id },
        orderBy: { seq: "desc" },
        take: HISTORY,
        include: MESSAGE_INCLUDE,
      });
      const authors = await authorsOf(tx, rows);
      return {
        id: c.id,
        customerId: c.customer.id,
        customerName: c.customer.name,
        dealerName: c.dealer.name,
        contactName: c.contact.name,
        channelType: c.channel.type,
        status: c.status,
        messages: rows.reverse().map((r) => toMessageEvent(r, authors, c.contact.name)),
        mayReply: principalMay(options.actor, "provider.managed_queue.reply"),
      };
    },
  );
}
