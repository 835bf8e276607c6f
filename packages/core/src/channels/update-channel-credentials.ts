import { z } from "zod";
import { ZMessengerSecrets, ZWhatsAppSecrets } from "@forecourt/channels";
import { recordAuditEvent } from "../audit/record-audit-event";
import { InvalidInputError } from "../errors";
import type { TPrincipal } from "../principal";
import { loadManagedMetaChannel, sealSecrets, type TMetaSecrets } from "./meta-connection";
import { inChannelSettings } from "./channel-settings";

/**
 * New credentials for a connected channel (a rotated token, a new app secret). Only the fields
 * given change; `accessToken` is the WhatsApp access token, `pageAccessToken` Messenger's.
 */
export const ZUpdateChannelCredentials = z.object({
  channelId: z.uuid(),
  secrets: z
    .object({
      accessToken: ZWhatsAppSecrets.shape.accessToken.optional(),
      pageAccessToken: ZMessengerSecrets.shape.pageAccessToken.optional(),
      appSecret: ZWhatsAppSecrets.shape.appSecret.optional(),
    })
    .strict()
    .refine((s) => Object.values(s).some((v) => v !== undefined), "enter at least one new value"),
});
export type TUpdateChannelCredentials = z.input<typeof ZUpdateChannelCredentials>;

/**
 * Replaces a WhatsApp or Messenger channel's token and/or app secret. The verify token stays
 * (Meta keeps using it; "regenerate verify token" is its own step). Audited without the values.
 */
export async function updateChannelCredentials(
  options: { principal: TPrincipal } & TUpdateChannelCredentials,
): Promise<{ updated: string[] }> {
  const { principal, ...raw } = options;
  const input = ZUpdateChannelCredentials.parse(raw);
  return inChannelSettings(principal, "update channel credentials", async (tx, agent) => {
    const { row: channel, meta } = await loadManagedMetaChannel(tx, agent, input.channelId);
    const foreign = meta.type === "WHATSAPP" ? "pageAccessToken" : "accessToken";
    if (input.secrets[foreign] !== undefined) {
      throw new InvalidInputError(`${foreign}: not a field of this channel`, [
        { path: `secrets.${foreign}`, message: "not a field of this channel" },
      ]);
    }
    const given = Object.fromEntries(Object.entries(input.secrets).filter(([, v]) => v !== undefined));
    const secrets = { ...meta.secrets, ...given } as TMetaSecrets;
    await tx.channel.update({
      where: { id: channel.id },
      data: { secretsEncrypted: sealSecrets(meta.type, secrets) },
    });
    const updated = Object.keys(given).sort();
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.credentials_updated",
      targetType: "Channel",
      targetId: channel.id,
      data: { fields: updated },
    });
    return { updated };
  });
}
