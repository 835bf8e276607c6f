import { withTenant } from "@forecourt/db";
import { assertMay, type TTenantActor } from "../principal";
import { contactScopeWhere, conversationScopeWhere } from "./contact-scope";

/**
 * A contact's page: personal data, legal-basis record, vehicles and what else is held. For a
 * dealer-scoped member: null unless the contact has a conversation in their dealers, and the
 * conversations and counts cover only those dealers (contact-scope.ts).
 */
export async function getContactRecord(options: { actor: TTenantActor; contactId: string }) {
  assertMay(options.actor, "contacts.view");
  const { customerId } = options.actor.tenant;
  const inScope = conversationScopeWhere(options.actor);
  return withTenant(customerId, async (tx) => {
    const contact = await tx.contact.findFirst({
      where: { id: options.contactId, customerId, ...contactScopeWhere(options.actor) },
      include: {
        vehicles: { orderBy: { createdAt: "asc" } },
        identities: { orderBy: { createdAt: "asc" } },
        conversations: {
          where: inScope,
          orderBy: { lastMessageAt: "desc" },
          take: 50,
          select: {
            id: true,
            status: true,
            createdAt: true,
            lastMessageAt: true,
            lastSeq: true,
            channel: { select: { type: true, name: true } },
            dealerId: true,
            dealer: { select: { name: true } },
          },
        },
      },
    });
    if (!contact) return null;
    // One transaction is one connection: these run one after another.
    const messages = await tx.message.count({
      where: { customerId, conversation: { contactId: contact.id, ...inScope } },
    });
    const attachments = await tx.attachment.count({
      where: { customerId, message: { conversation: { contactId: contact.id, ...inScope } } },
    });
    const conversations = await tx.conversation.count({ where: { customerId, contactId: contact.id, ...inScope } });
    return { contact, held: { conversations, messages, attachments } };
  });
}
