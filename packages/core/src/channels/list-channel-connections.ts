import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { inChannelSettings } from "./channel-settings";
import { connectionInfoOf, TEMPLATE_ORDER, type TChannelConnectionInfo } from "./get-channel-connection-info";
import { metaChannelOf } from "./meta-channel";

/**
 * Settings → Channels: the connection info (getChannelConnectionInfo) of every WhatsApp and
 * Messenger channel of the principal's dealers, read in one transaction rather than one each.
 * A channel whose settings do not parse is left out (metaChannelOf), not half shown.
 */
export async function listChannelConnections(options: { principal: TPrincipal }): Promise<TChannelConnectionInfo[]> {
  return inChannelSettings(options.principal, "list channel connections", async (tx, agent) => {
    const customerId = agent.tenant.customerId;
    const channels = await tx.channel.findMany({
      where: { customerId, type: { in: ["WHATSAPP", "MESSENGER"] }, ...dealerScopeWhere(agent) },
      include: { dealer: { select: { id: true, name: true } } },
      orderBy: [{ type: "asc" }, { name: "asc" }],
    });
    const templates = await tx.messageTemplate.findMany({
      where: { customerId, channelId: { in: channels.filter((c) => c.type === "WHATSAPP").map((c) => c.id) } },
      orderBy: TEMPLATE_ORDER,
    });
    return channels.flatMap((channel) => {
      const meta = metaChannelOf(channel);
      if (!meta) return [];
      const own = templates.filter((t) => t.channelId === channel.id);
      return [connectionInfoOf(channel, meta, channel.dealer, own)];
    });
  });
}
