import { inboundAddressOf } from "@forecourt/channels";
import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { inChannelSettings, lifecycleDayOf } from "./channel-settings";
import { emailChannelOf } from "./email-channel";

export type TEmailChannelInfo = {
  channelId: string;
  name: string;
  status: "ACTIVE" | "DISABLED";
  dealer: { id: string; name: string };
  /** Where the dealer's mailbox forwards to (shown with a Copy button). */
  inboundAddress: string;
  fromName: string;
  fromAddress: string;
  disabledByLifecycleOn: string | null;
  connectedAt: Date;
};

/** Settings → Channels: the e-mail channels of the principal's dealers (a row whose settings do not parse is left out). */
export async function listEmailChannels(options: { principal: TPrincipal }): Promise<TEmailChannelInfo[]> {
  return inChannelSettings(options.principal, "list e-mail channels", async (tx, agent) => {
    const channels = await tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, type: "EMAIL", ...dealerScopeWhere(agent) },
      include: { dealer: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    });
    return channels.flatMap((row) => {
      const channel = emailChannelOf(row);
      if (!channel) return [];
      return [
        {
          channelId: row.id,
          name: row.name,
          status: row.status,
          dealer: row.dealer,
          inboundAddress: inboundAddressOf(channel.config),
          fromName: channel.config.fromName,
          fromAddress: channel.config.fromAddress,
          disabledByLifecycleOn: lifecycleDayOf(row.config),
          connectedAt: row.createdAt,
        },
      ];
    });
  });
}
