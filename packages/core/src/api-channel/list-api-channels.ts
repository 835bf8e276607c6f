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
  /** The secret's last characters (revealApiChannelSecret shows it whole, audited). */
  maskedSecret: string;
  createdAt: string;
};

/** Settings → Channels: the API channels of the principal's dealers, with the identifier and the secret masked. */
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
          maskedSecret: `••••${secrets.hmacSecret.slice(-4)}`,
          createdAt: row.createdAt.toISOString(),
        },
      ];
    });
  });
}
