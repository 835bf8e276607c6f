import { can, type TAction, type TProviderRole, type TTenantRole } from "@forecourt/auth";
import type { TTx } from "@forecourt/db";
import type { TSessionContext } from "../accounts/get-session-context";
import { ForbiddenError } from "../errors";

/** A staff member acting in the inbox of one tenant, limited to some dealers. */
export type TAgent = {
  userId: string;
  name: string;
  customerId: string;
  role: TTenantRole | null;
  providerRole: TProviderRole | null;
  /** Empty: every dealer of the customer. */
  dealerIds: string[];
  sessionId?: string;
};

/** The agent a session acts as in its active tenant; null when it has no active membership. */
export function agentFromSession(session: TSessionContext): TAgent | null {
  if (!session.active) return null;
  return {
    userId: session.user.id,
    name: session.user.name,
    customerId: session.active.customerId,
    role: session.active.role,
    providerRole: session.user.providerRole,
    dealerIds: session.active.dealers.map((d) => d.id),
    sessionId: session.sessionId,
  };
}

export function agentCan(agent: TAgent, action: TAction): boolean {
  return can({ tenantRole: agent.role, providerRole: agent.providerRole }, action);
}

export function assertAgentCan(agent: TAgent, action: TAction): void {
  if (!agentCan(agent, action)) throw new ForbiddenError(`Not allowed: ${action}`);
}

/** Prisma filter: the dealers this agent may see (all of the tenant when unscoped). */
export function dealerScopeWhere(agent: TAgent): { dealerId?: { in: string[] } } {
  return agent.dealerIds.length > 0 ? { dealerId: { in: agent.dealerIds } } : {};
}

export function agentMaySeeDealer(agent: TAgent, dealerId: string): boolean {
  return agent.dealerIds.length === 0 || agent.dealerIds.includes(dealerId);
}

/** The dealers whose inbox rooms the agent's sockets join. */
export async function scopedDealerIds(tx: TTx, agent: TAgent): Promise<string[]> {
  if (agent.dealerIds.length > 0) return agent.dealerIds;
  const dealers = await tx.dealer.findMany({ where: { customerId: agent.customerId }, select: { id: true } });
  return dealers.map((d) => d.id);
}

/** Loads a conversation the agent may see, or throws NotFound (never reveals foreign ids). */
export async function conversationForAgent(tx: TTx, agent: TAgent, conversationId: string) {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
  if (!conversation || !agentMaySeeDealer(agent, conversation.dealerId)) throw new NotFoundError("conversation");
  return conversation;
}

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(what: string) {
    super(`Not found: ${what}`);
  }
}

/** A refusal the client can show: code from the protocol's ERROR_CODES. */
export class ChatError extends Error {
  override name = "ChatError";
  constructor(
    readonly code: "invalid_payload" | "forbidden" | "rate_limited" | "conversation_closed" | "channel_disabled",
    message: string,
  ) {
    super(message);
  }
}
