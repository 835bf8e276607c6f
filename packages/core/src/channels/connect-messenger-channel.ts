import { z } from "zod";
import { ZMessengerConfig, ZMessengerSecrets } from "@forecourt/channels";
import type { TPrincipal } from "../principal";
import { connectMetaChannel } from "./connect-meta-channel";
import { ZChannelName } from "./channel-settings";

/** Settings → Channels → Connect Messenger: the Facebook page and its tokens (the verify token is ours). */
export const ZConnectMessengerChannel = z.object({
  dealerId: z.uuid(),
  name: ZChannelName,
  config: ZMessengerConfig,
  secrets: ZMessengerSecrets.pick({ pageAccessToken: true, appSecret: true }),
});
export type TConnectMessengerChannel = z.input<typeof ZConnectMessengerChannel>;

/**
 * Connects a Facebook page's Messenger to a dealer: the page id routes inbound webhooks, the
 * page access token sends, the app secret checks signatures; encrypted at rest with a generated
 * verify token. Audited. Refused with `channel_already_connected` when the page is connected anywhere.
 */
export async function connectMessengerChannel(
  options: { principal: TPrincipal } & TConnectMessengerChannel,
): Promise<{ channelId: string }> {
  const { principal, ...raw } = options;
  const input = ZConnectMessengerChannel.parse(raw);
  return connectMetaChannel(principal, {
    type: "MESSENGER",
    dealerId: input.dealerId,
    name: input.name,
    externalId: input.config.pageId,
    config: input.config,
    secrets: input.secrets,
    defaultName: (dealer) => `${dealer} Messenger`,
  });
}
