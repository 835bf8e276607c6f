import type { Prisma } from "@forecourt/db";
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TPrincipal } from "../principal";
import { inChannelSettings, loadManagedChannel, storedConfig } from "./channel-settings";

export const ZSetChannelStatus = z.object({ channelId: z.uuid(), enabled: z.boolean() });

/**
 * Disables or enables a channel of any type (website chat, WhatsApp, Messenger). A disabled
 * channel takes no new conversations and sends nothing; its routes stay, so Meta's webhooks
 * still reach it and are refused rather than lost. While the customer is terminated every write
 * is refused (inTenant: read_only), so a channel the termination disabled stays off until the
 * contract is reinstated (which re-enables it). Audited when the status changes.
 */
export async function setChannelStatus(
  options: { principal: TPrincipal } & z.input<typeof ZSetChannelStatus>,
): Promise<{ status: "ACTIVE" | "DISABLED" }> {
  const { principal, ...raw } = options;
  const input = ZSetChannelStatus.parse(raw);
  return inChannelSettings(principal, "enable or disable a channel", async (tx, agent) => {
    const channel = await loadManagedChannel(tx, agent, input.channelId);
    const status = input.enabled ? "ACTIVE" : "DISABLED";
    if (channel.status === status) return { status };
    const config = storedConfig(channel.config);
    // Enabled by hand after the customer is active again: the termination's mark no longer applies.
    if (input.enabled) delete config.disabledByLifecycleOn;
    await tx.channel.update({
      where: { id: channel.id },
      data: { status, config: config as Prisma.InputJsonObject },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: input.enabled ? "channel.enabled" : "channel.disabled",
      targetType: "Channel",
      targetId: channel.id,
      data: { type: channel.type },
    });
    return { status };
  });
}
