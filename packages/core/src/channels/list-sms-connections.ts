import { dealerScopeWhere } from "../chat/dealer-scope";
import type { TPrincipal } from "../principal";
import { inChannelSettings, lifecycleDayOf } from "./channel-settings";
import { maskSecret } from "./meta-connection";
import { twilioChannelOf, twilioChannelUrls } from "./twilio-channel";

/** What Settings → Channels shows of an SMS channel: its ids, the URLs to paste into Twilio, the token masked. */
export type TSmsConnectionInfo = {
  type: "TWILIO_SMS";
  channelId: string;
  name: string;
  status: "ACTIVE" | "DISABLED";
  dealer: { id: string; name: string };
  config: { accountSid: string; messagingServiceSid: string | null; fromNumber: string | null };
  masked: { authToken: string };
  /** Paste into Twilio: the number's (or Messaging Service's) incoming-message webhook; ours is the status callback. */
  inboundUrl: string;
  statusUrl: string;
  disabledByLifecycleOn: string | null;
  connectedAt: Date;
};

/**
 * Settings → Channels: every SMS channel of the principal's dealers, in one transaction. The
 * Auth Token never leaves core in clear (the last 4 characters only). A channel whose settings do
 * not parse is left out, not half shown.
 */
export async function listSmsConnections(options: { principal: TPrincipal }): Promise<TSmsConnectionInfo[]> {
  return inChannelSettings(options.principal, "list SMS connections", async (tx, agent) => {
    const channels = await tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, type: "TWILIO_SMS", ...dealerScopeWhere(agent) },
      include: { dealer: { select: { id: true, name: true } } },
      orderBy: { name: "asc" },
    });
    return channels.flatMap((row) => {
      const sms = twilioChannelOf(row);
      if (!sms) return [];
      const urls = twilioChannelUrls(row.id);
      return [
        {
          type: "TWILIO_SMS" as const,
          channelId: row.id,
          name: row.name,
          status: row.status,
          dealer: row.dealer,
          config: sms.config,
          masked: { authToken: maskSecret(sms.secrets.authToken) },
          inboundUrl: urls.inbound,
          statusUrl: urls.status,
          disabledByLifecycleOn: lifecycleDayOf(row.config),
          connectedAt: row.createdAt,
        },
      ];
    });
  });
}
