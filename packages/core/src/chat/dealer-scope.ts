import type { TTx } from "@forecourt/db";
import { NotFoundError } from "../errors";
import type { TTenantActor } from "../principal";

/*
 * Dealer scope: which of the tenant's dealers a staff member works for. Every inbox, contact
 * and export query narrows by these, so another dealer's row is "not found", never "forbidden".
 */

/** Prisma filter: the dealers this principal may see (all of the tenant when unscoped). */
export function dealerScopeWhere(agent: TTenantActor): { dealerId?: { in: string[] } } {
  return agent.tenant.dealerIds.length > 0 ? { dealerId: { in: agent.tenant.dealerIds } } : {};
}

export function agentMaySeeDealer(agent: TTenantActor, dealerId: string): boolean {
  return agent.tenant.dealerIds.length === 0 || agent.tenant.dealerIds.includes(dealerId);
}

/** The dealers whose inbox rooms the agent's sockets join. */
export async function scopedDealerIds(tx: TTx, agent: TTenantActor): Promise<string[]> {
  if (agent.tenant.dealerIds.length > 0) return agent.tenant.dealerIds;
  const dealers = await tx.dealer.findMany({ where: { customerId: agent.tenant.customerId }, select: { id: true } });
  return dealers.map((d) => d.id);
}

/** Loads a conversation the agent may see, or throws NotFound (never reveals foreign ids). */
export async function conversationForAgent(tx: TTx, agent: TTenantActor, conversationId: string) {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
  if (!conversation || !agentMaySeeDealer(agent, conversation.dealerId)) throw new NotFoundError("conversation");
  return conversation;
}
