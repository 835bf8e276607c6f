import type { ChannelStatus, ChannelType } from "@forecourt/db";
import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";

export type TChannelSummary = {
  id: string;
  type: ChannelType;
  name: string;
  status: ChannelStatus;
  dealerId: string;
};

/**
 * Settings → Channels: the dealers the principal may connect channels for (their dealer scope)
 * and every channel of those dealers, of every type, without settings or secrets.
 */
export async function listChannels(options: { principal: TPrincipal }): Promise<{
  dealers: { id: string; name: string }[];
  channels: TChannelSummary[];
}> {
  return inChannelSettings(options.principal, "list channels", async (tx, agent) => {
    const customerId = agent.tenant.customerId;
    const scope = agent.tenant.dealerIds.length > 0 ? { id: { in: agent.tenant.dealerIds } } : {};
    // One after the other: a transaction is one connection, which runs one query at a time.
    const dealers = await tx.dealer.findMany({
      where: { customerId, ...scope },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    });
    const channels = await tx.channel.findMany({
      where: { customerId, ...dealerScopeWhere(agent) },
      select: { id: true, type: true, name: true, status: true, dealerId: true },
      orderBy: [{ type: "asc" }, { name: "asc" }],
    });
    return { dealers, channels };
  });
}
