import type { Prisma } from "@forecourt/db";
import type { TTenantActor } from "../retention/actor";

/**
 * Contacts have no dealer of their own (one consumer may talk to several rooftops of a group),
 * so a dealer-scoped member's view of them is derived from conversations: a contact is in scope
 * when it has at least one conversation with one of the member's dealers. Inside a contact, only
 * those conversations (and their messages and files) are in scope. A member without a dealer
 * scope (all dealers) sees every contact of the tenant, including contacts with no conversation
 * left. Out-of-scope ids are "not found", exactly like another tenant's.
 */
export type TScopedTenantActor = TTenantActor & {
  /** The member's dealer scope; empty: every dealer of the tenant. */
  dealerIds: string[];
};

export function isDealerScoped(actor: TScopedTenantActor): boolean {
  return actor.dealerIds.length > 0;
}

/** Prisma filter on Conversation: the conversations the actor may see. */
export function conversationScopeWhere(actor: TScopedTenantActor): Prisma.ConversationWhereInput {
  return isDealerScoped(actor) ? { dealerId: { in: actor.dealerIds } } : {};
}

/** Prisma filter on Contact: contacts with a conversation in the actor's dealers (all when unscoped). */
export function contactScopeWhere(actor: TScopedTenantActor): Prisma.ContactWhereInput {
  return isDealerScoped(actor) ? { conversations: { some: { dealerId: { in: actor.dealerIds } } } } : {};
}
