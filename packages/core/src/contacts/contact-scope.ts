import type { Prisma } from "@forecourt/db";
import type { TTenantActor } from "../principal";

/**
 * Contacts have no dealer of their own (one consumer may talk to several rooftops of a group),
 * so a dealer-scoped member's view of them is derived from conversations: a contact is in scope
 * when it has at least one conversation with one of the member's dealers. Inside a contact, only
 * those conversations (and their messages and files) are in scope. A member without a dealer
 * scope (all dealers) sees every contact of the tenant, including contacts with no conversation
 * left. Out-of-scope ids are "not found", exactly like another tenant's. The scope is the
 * principal's `tenant.dealerIds` (empty: every dealer of the tenant).
 */
export function isDealerScoped(actor: TTenantActor): boolean {
  return actor.tenant.dealerIds.length > 0;
}

/** Prisma filter on Conversation: the conversations the actor may see. */
export function conversationScopeWhere(actor: TTenantActor): Prisma.ConversationWhereInput {
  return isDealerScoped(actor) ? { dealerId: { in: actor.tenant.dealerIds } } : {};
}

/** Prisma filter on Contact: contacts with a conversation in the actor's dealers (all when unscoped). */
export function contactScopeWhere(actor: TTenantActor): Prisma.ContactWhereInput {
  return isDealerScoped(actor) ? { conversations: { some: { dealerId: { in: actor.tenant.dealerIds } } } } : {};
}
