import { withTenant } from "@forecourt/db";
import { assertAgentCan, conversationForAgent, scopedDealerIds, type TAgent } from "./agent";

/** Refuses (NotFoundError) unless the agent's membership and dealer scope include the conversation. */
export async function assertAgentMayOpen(options: { agent: TAgent; conversationId: string }): Promise<void> {
  assertAgentCan(options.agent, "inbox.view");
  await withTenant(options.agent.customerId, (tx) => conversationForAgent(tx, options.agent, options.conversationId));
}

/** The dealers whose inbox rooms an agent's sockets join. */
export async function inboxDealerIds(options: { agent: TAgent }): Promise<string[]> {
  return withTenant(options.agent.customerId, (tx) => scopedDealerIds(tx, options.agent));
}
