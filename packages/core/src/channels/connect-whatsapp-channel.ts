import { z } from "zod";
import { ZWhatsAppConfig, ZWhatsAppSecrets } from "@forecourt/channels";
import type { TPrincipal } from "../principal";
import { ZChannelName } from "./channel-settings";
import { connectMetaChannel } from "./connect-meta-channel";

/** Settings → Channels → Connect WhatsApp: what the administrator types (the verify token is ours). */
export const ZConnectWhatsAppChannel = z.object({
  dealerId: z.uuid(),
  name: ZChannelName,
  config: ZWhatsAppConfig,
  secrets: ZWhatsAppSecrets.pick({ accessToken: true, appSecret: true }),
});
export type TConnectWhatsAppChannel = z.input<typeof ZConnectWhatsAppChannel>;

/**
 * Connects a WhatsApp Business number (Cloud API) to a dealer: the phone number id routes
 * inbound webhooks, the access token sends, the app secret checks webhook signatures; both are
 * encrypted at rest with a generated verify token. Audited. Refused with
 * `channel_already_connected` when the number is connected anywhere.
 */
export async function connectWhatsAppChannel(
  options: { principal: TPrincipal } & TConnectWhatsAppChannel,
): Promise<{ channelId: string }> {
  const { principal, ...raw } = options;
  const input = ZConnectWhatsAppChannel.parse(raw);
  return connectMetaChannel(principal, {
    type: "WHATSAPP",
    dealerId: input.dealerId,
    name: input.name,
    externalId: input.config.phoneNumberId,
    config: input.config,
    secrets: input.secrets,
    defaultName: (dealer) => `${dealer} WhatsApp`,
  });
}
