import { listWhatsAppTemplates } from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";
import type { TTenantPrincipal } from "../principal";
import { inTenant } from "../tenant-access";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { graphEndpoint, metaChannelOf } from "./meta-channel";

/**
 * "Sync templates": reads the WhatsApp Business Account's message templates from the Graph API
 * and replaces this channel's copy (added, changed, and ones deleted at Meta removed). The Graph
 * call runs outside any transaction; the copy is written in one.
 */
export async function syncTemplates(options: { principal: TTenantPrincipal; channelId: string }) {
  const { principal, channelId } = options;
  const customerId = principal.tenant.customerId;
  const channel = await inTenant(
    principal,
    customerId,
    { tenant: "settings.channels.manage", reason: "sync templates" },
    (tx) => tx.channel.findFirst({ where: { id: channelId, customerId } }),
  );
  if (!channel || !agentMaySeeDealer(principal, channel.dealerId)) throw new NotFoundError("channel");
  const meta = metaChannelOf(channel);
  if (!meta || meta.type !== "WHATSAPP")
    throw new RuleError("templates_unsupported", "Only WhatsApp channels have templates.");
  let templates;
  try {
    templates = await listWhatsAppTemplates({ endpoint: graphEndpoint(), config: meta.config, secrets: meta.secrets });
  } catch (error) {
    const message = error instanceof Error ? error.message : "Meta could not be reached.";
    throw new RuleError("sync_failed", `Templates could not be read from Meta: ${message}`);
  }
  const syncedAt = new Date();
  await withTenant(customerId, async (tx) => {
    await tx.messageTemplate.deleteMany({ where: { channelId } });
    if (templates.length > 0)
      await tx.messageTemplate.createMany({
        data: templates.map((t) => ({ ...t, customerId, channelId, syncedAt })),
        skipDuplicates: true,
      });
    await recordAuditEvent(tx, principal, {
      customerId,
      action: "channel.templates_synced",
      targetType: "Channel",
      targetId: channelId,
      data: { templates: templates.length },
    });
  });
  return { templates: templates.length, syncedAt: syncedAt.toISOString() };
}
