import { withTenant } from "@forecourt/db";
import { conversationForAgent, scopedDealerIds } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";

/** Refuses (NotFoundError) unless the agent's membership and dealer scope include the conversation. */
export async function assertAgentMayOpen(options: { agent: TTenantPrincipal; conversationId: string }): Promise<void> {
  assertMay(options.agent, "inbox.view");
  await withTenant(options.agent.tenant.customerId, (tx) =>
    conversationForAgent(tx, options.agent, options.conversationId),
  );
}

/** The dealers whose inbox rooms an agent's sockets join. */
export async function inboxDealerIds(options: { agent: TTenantPrincipal }): Promise<string[]> {
  return withTenant(options.agent.tenant.customerId, (tx) => scopedDealerIds(tx, options.agent));
}
