import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { ZBusinessHours, ZWidgetConfig } from "@forecourt/protocol";
import { agentMaySeeDealer } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";
import { NotFoundError } from "../errors";
import { parseBusinessHours } from "./business-hours";
import { parseWidgetConfig } from "./get-public-widget";
import { newWidgetKey } from "./keys";

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
        dealer: { id: c.dealer.id, name: c.dealer.name, timeZone: c.dealer.timeZone },
        departments: c.dealer.departments.map((d) => ({ id: d.id, name: d.name, kind: d.kind })),
        config: parseWidgetConfig(c.config),
        businessHours: parseBusinessHours(c.dealer.businessHours),
      }));
  });
}
export type TWidgetChannel = Awaited<ReturnType<typeof listWidgetChannels>>[number];

export const ZUpdateWidgetChannel = z.object({
  channelId: z.uuid(),
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  config: ZWidgetConfig,
  businessHours: ZBusinessHours,
});

/** Saves a widget channel's settings and its dealer's business hours (audited). */
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
      data: { name: input.name, status: input.enabled ? "ACTIVE" : "DISABLED", config: input.config },
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

/** Creates a widget channel for a dealer (Settings → Channels, "Add website chat"). */
export async function createWidgetChannel(options: { agent: TTenantPrincipal; dealerId: string; name: string }) {
  const { agent } = options;
  assertMay(agent, "settings.channels.manage");
  if (!agentMaySeeDealer(agent, options.dealerId)) throw new NotFoundError("dealer");
  return withTenant(agent.tenant.customerId, async (tx) => {
    const dealer = await tx.dealer.findUnique({ where: { id: options.dealerId } });
    if (!dealer) throw new NotFoundError("dealer");
    return tx.channel.create({
      data: {
        customerId: agent.tenant.customerId,
        dealerId: dealer.id,
        type: "WIDGET",
        name: options.name.trim().slice(0, 80) || `${dealer.name} website`,
        publicKey: newWidgetKey(agent.tenant.customerId),
        config: ZWidgetConfig.parse({ dealerName: dealer.name }),
      },
    });
  });
}
