import { withTenant } from "@forecourt/db";
import { CHANNEL_TYPES, type TChannelType } from "@forecourt/protocol";
import { dealerScopeWhere } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";

/**
 * The channel types the agent's dealers have (disabled channels too: their conversations stay
 * in the inbox), in the protocol's order. The inbox offers a channel filter for these only.
 */
export async function listChannelTypes(options: { agent: TTenantPrincipal }): Promise<TChannelType[]> {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  const rows = await withTenant(agent.tenant.customerId, (tx) =>
    tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, ...dealerScopeWhere(agent) },
      select: { type: true },
      distinct: ["type"],
    }),
  );
  const present = new Set(rows.map((r) => r.type));
  return CHANNEL_TYPES.filter((type) => present.has(type));
}
