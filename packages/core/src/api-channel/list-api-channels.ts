import type { ChannelStatus } from "@forecourt/db";
import { inChannelSettings, lifecycleDayOf } from "../channels/channel-settings";
import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { openApiChannelSecrets } from "./api-channel-keys";

export type TApiChannelInfo = {
  channelId: string;
  name: string;
  status: ChannelStatus;
  disabledByLifecycleOn: string | null;
  dealer: { id: string; name: string };
  inboxIdentifier: string;
  /** Shown to administrators of the channel (settings.channels.manage) to paste into the app's backend. */
  hmacSecret: string;
  createdAt: string;
};

/** Settings → Channels: the API channels of the principal's dealers, with identifier and secret. */
export async function listApiChannels(options: { principal: TPrincipal }): Promise<TApiChannelInfo[]> {
  return inChannelSettings(options.principal, "list API channels", async (tx, agent) => {
    const rows = await tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, type: "API", ...dealerScopeWhere(agent) },
      include: { dealer: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    });
    return rows.flatMap((row) => {
      const secrets = openApiChannelSecrets(row.secretsEncrypted);
      if (!secrets) return [];
      return [
        {
          channelId: row.id,
          name: row.name,
          status: row.status,
          disabledByLifecycleOn: lifecycleDayOf(row.config),
          dealer: row.dealer,
          inboxIdentifier: row.publicKey,
          hmacSecret: secrets.hmacSecret,
          createdAt: row.createdAt.toISOString(),
        },
      ];
    });
  });
}
