import { randomBytes } from "node:crypto";
import {
  twilioChannelRouteKey,
  twilioSenderRouteKey,
  ZTwilioSmsConfig,
  ZTwilioSmsSecrets,
} from "@forecourt/channels/twilio-sms";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { asTenantPrincipal, type TPrincipal } from "../principal";
import { inChannelSettings, ZChannelName } from "./channel-settings";
import { sealTwilioSecrets } from "./twilio-channel";

/** Settings → Channels → Connect SMS: the dealer's own Twilio account (L 1.1). */
export const ZConnectSmsChannel = z.object({
  dealerId: z.uuid(),
  name: ZChannelName,
  config: ZTwilioSmsConfig,
  secrets: ZTwilioSmsSecrets,
});
export type TConnectSmsChannel = z.input<typeof ZConnectSmsChannel>;

const alreadyConnected = () =>
  new RuleError(
    "channel_already_connected",
    "This Twilio number or Messaging Service is already connected to Forecourt. If it should move here, ask provider support.",
  );

/**
 * Connects SMS for one dealer through the dealer's own Twilio account: the Account SID and a
 * Messaging Service SID or From number in the channel's settings, the Auth Token encrypted. Two
 * global routes in the same transaction: `twilio:<channel id>` (the webhooks name the channel in
 * their path; the route says whose tenant it is) and the sender (`twilio-number:<account>:<number>`
 * or `twilio-service:<MG…>`), whose unique key stops the same number being connected twice.
 */
export async function connectSmsChannel(options: { principal: TPrincipal } & TConnectSmsChannel) {
  const { principal, ...raw } = options;
  const input = ZConnectSmsChannel.parse(raw);
  const agent = asTenantPrincipal(principal);
  const senderKey = twilioSenderRouteKey(input.config);
  try {
    return await inChannelSettings(principal, "connect an SMS channel", async (tx) => {
      const customerId = agent.tenant.customerId;
      const dealer = agentMaySeeDealer(agent, input.dealerId)
        ? await tx.dealer.findFirst({ where: { id: input.dealerId, customerId } })
        : null;
      if (!dealer) throw new NotFoundError("dealer");
      if (await tx.channelRoute.findUnique({ where: { key: senderKey }, select: { key: true } }))
        throw alreadyConnected();
      const created = await tx.channel.create({
        data: {
          customerId,
          dealerId: dealer.id,
          type: "TWILIO_SMS",
          name: input.name || `${dealer.name} SMS`,
          // Not a widget key (wk_…): the widget endpoints never resolve it.
          publicKey: `sms_${randomBytes(18).toString("base64url")}`,
          status: "ACTIVE",
          externalId: input.config.messagingServiceSid ?? input.config.fromNumber,
          config: input.config,
          secretsEncrypted: sealTwilioSecrets(input.secrets),
        },
      });
      await tx.channelRoute.createMany({
        data: [twilioChannelRouteKey(created.id), senderKey].map((key) => ({
          key,
          channelId: created.id,
          routedCustomerId: customerId,
        })),
      });
      await recordAuditEvent(tx, agent, {
        customerId,
        action: "channel.twilio_sms.connected",
        targetType: "Channel",
        targetId: created.id,
        // Ids only: never the Auth Token.
        data: {
          dealerId: dealer.id,
          accountSid: input.config.accountSid,
          externalId: created.externalId,
          name: created.name,
        },
      });
      return { channelId: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyConnected();
    throw error;
  }
}
