import type { TTx } from "@forecourt/db";
import { NotFoundError } from "../errors";
import type { TTenantPrincipal, TUserPrincipal } from "../principal";
import { managedAgentMayAccess } from "./managed-agent-access";

/**
 * The conversation a provider principal works on from the managed queue, read under provider
 * access (the caller's `withProviderAccess` transaction), with its customer's tier checked by
 * `managedAgentMayAccess`: a Standard (or suspended, terminated) customer's conversation is
 * "not found", never revealed.
 */
export async function managedConversation(tx: TTx, conversationId: string) {
  const conversation = await tx.conversation.findUnique({
    where: { id: conversationId },
    include: {
      dealer: {
        select: { id: true, name: true, customer: { select: { id: true, name: true, tier: true, status: true } } },
      },
      contact: { select: { id: true, name: true } },
      channel: { select: { type: true } },
    },
  });
  if (!conversation || !managedAgentMayAccess(conversation.dealer.customer)) throw new NotFoundError("conversation");
  return { ...conversation, customer: conversation.dealer.customer };
}

/**
 * A managed agent acting in one Plus customer's tenant: no membership (role null), every dealer.
 * The permission matrix grants them the inbox rows for MANAGED; core's message author is
 * MANAGED_AGENT for them (message-author.ts). Build it only after managedConversation allowed it.
 */
export function managedAgentInTenant(actor: TUserPrincipal, customerId: string): TTenantPrincipal {
  return { ...actor, tenant: { customerId, role: null, dealerIds: [], departmentIds: [], readOnly: false } };
}
