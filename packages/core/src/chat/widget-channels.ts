import { z } from "zod";
import { withTenant, type Prisma } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lifecycleDayOf, storedConfig, ZChannelName } from "../channels/channel-settings";
import { ZBusinessHours, ZWidgetConfig } from "@forecourt/protocol";
import { agentMaySeeDealer } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";
import { NotFoundError } from "../errors";
import { parseBusinessHours } from "./business-hours";
import { parseWidgetConfig } from "./get-public-widget";
import { newWidgetKey } from "./keys";
import { newIdentitySecret, openWidgetSecrets, sealWidgetSecrets } from "./widget-identity-secret";

/** Settings → Channels: the tenant's widget channels with their settings and their dealer's hours. */
export async function listWidgetChannels(options: { agent: TTenantPrincipal }) {
  const { agent } = options;
  assertMay(agent, "settings.channels.manage");
  return withTenant(agent.tenant.customerId, async (tx) => {
    const channels = await tx.channel.findMany({
      where: { customerId: agent.tenant.customerId, type: "WIDGET" },
      include: { dealer: { include: { departments: { orderBy: { name: "asc" } } } } },
      orderBy: { name: "asc" },
    });
    return channels
      .filter((c) => agentMaySeeDealer(agent, c.dealerId))
      .map((c) => ({
        id: c.id,
        name: c.name,
        publicKey: c.publicKey,
        status: c.status,
        disabledByLifecycleOn: lifecycleDayOf(c.config),
        dealer: { id: c.dealer.id, name: c.dealer.name, timeZone: c.dealer.timeZone },
        departments: c.dealer.departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind })),
        config: parseWidgetConfig(c.config),
        /** For `Forecourt('identify', …)`: administrators only (settings.channels.manage); null until generated. */
        identitySecret: openWidgetSecrets(c.secretsEncrypted)?.identitySecret ?? null,
        businessHours: parseBusinessHours(c.dealer.businessHours),
      }));
  });
}
export type TWidgetChannel = Awaited<ReturnType<typeof listWidgetChannels>>[number];

export const ZUpdateWidgetChannel = z.object({
  channelId: z.uuid(),
  name: z.string().trim().min(1).max(80),
  config: ZWidgetConfig,
  businessHours: ZBusinessHours,
});

/**
 * Saves a widget channel's settings and its dealer's business hours (audited). Enabling and
 * disabling is setChannelStatus (channels/set-channel-status.ts), as for every channel type.
 */
export async function updateWidgetChannel(options: {
  agent: TTenantPrincipal;
  input: z.input<typeof ZUpdateWidgetChannel>;
}) {
  const { agent } = options;
  assertMay(agent, "settings.channels.manage");
  assertMay(agent, "settings.departments.manage");
  const input = ZUpdateWidgetChannel.parse(options.input);
  return withTenant(agent.tenant.customerId, async (tx) => {
    const channel = await tx.channel.findUnique({ where: { id: input.channelId } });
    if (!channel || channel.type !== "WIDGET" || !agentMaySeeDealer(agent, channel.dealerId)) {
      throw new NotFoundError("channel");
    }
    await tx.channel.update({
      where: { id: channel.id },
      // Keys other owners keep in the config (the termination's mark and automation flags) stay.
      data: {
        name: input.name,
        config: { ...storedConfig(channel.config), ...input.config } as Prisma.InputJsonObject,
      },
    });
    await tx.dealer.update({ where: { id: channel.dealerId }, data: { businessHours: input.businessHours } });
    await tx.auditEvent.create({
      data: {
        customerId: agent.tenant.customerId,
        actorUserId: agent.userId,
        action: "channel.widget.updated",
        targetType: "Channel",
        targetId: channel.id,
      },
    });
    return { ok: true as const };
  });
}

export const ZCreateWidgetChannel = z.object({ dealerId: z.uuid(), name: ZChannelName });

/** Creates a widget channel for a dealer (Settings → Channels → Connect a channel → Website chat). Audited. */
export async function createWidgetChannel(options: { agent: TTenantPrincipal } & z.input<typeof ZCreateWidgetChannel>) {
  const { agent } = options;
  assertMay(agent, "settings.channels.manage");
  const input = ZCreateWidgetChannel.parse({ dealerId: options.dealerId, name: options.name });
  if (!agentMaySeeDealer(agent, input.dealerId)) throw new NotFoundError("dealer");
  return withTenant(agent.tenant.customerId, async (tx) => {
    const dealer = await tx.dealer.findUnique({ where: { id: input.dealerId } });
    if (!dealer) throw new NotFoundError("dealer");
    const channel = await tx.channel.create({
      data: {
        customerId: agent.tenant.customerId,
        dealerId: dealer.id,
        type: "WIDGET",
        name: input.name || `${dealer.name} website`,
        publicKey: newWidgetKey(agent.tenant.customerId),
        config: ZWidgetConfig.parse({ dealerName: dealer.name }),
        secretsEncrypted: sealWidgetSecrets({ identitySecret: newIdentitySecret() }),
      },
    });
    await recordAuditEvent(tx, agent, {
      customerId: agent.tenant.customerId,
      action: "channel.widget.created",
      targetType: "Channel",
      targetId: channel.id,
      data: { dealerId: dealer.id, name: channel.name },
    });
    return { channelId: channel.id };
  });
}
