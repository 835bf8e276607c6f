import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { ZBusinessHours, ZWidgetConfig } from "@forecourt/protocol";
import { assertAgentCan, agentMaySeeDealer, NotFoundError, type TAgent } from "./agent";
import { parseBusinessHours } from "./business-hours";
import { parseWidgetConfig } from "./get-public-widget";
import { newWidgetKey } from "./keys";

/** Settings → Channels: the tenant's widget channels with their settings and their dealer's hours. */
export async function listWidgetChannels(options: { agent: TAgent }) {
  const { agent } = options;
  assertAgentCan(agent, "settings.channels.manage");
  return withTenant(agent.customerId, async (tx) => {
    const channels = await tx.channel.findMany({
      where: { customerId: agent.customerId, type: "WIDGET" },
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
export async function updateWidgetChannel(options: { agent: TAgent; input: z.input<typeof ZUpdateWidgetChannel> }) {
  const { agent } = options;
  assertAgentCan(agent, "settings.channels.manage");
  assertAgentCan(agent, "settings.departments.manage");
  const input = ZUpdateWidgetChannel.parse(options.input);
  return withTenant(agent.customerId, async (tx) => {
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
        customerId: agent.customerId,
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
export async function createWidgetChannel(options: { agent: TAgent; dealerId: string; name: string }) {
  const { agent } = options;
  assertAgentCan(agent, "settings.channels.manage");
  if (!agentMaySeeDealer(agent, options.dealerId)) throw new NotFoundError("dealer");
  return withTenant(agent.customerId, async (tx) => {
    const dealer = await tx.dealer.findUnique({ where: { id: options.dealerId } });
    if (!dealer) throw new NotFoundError("dealer");
    return tx.channel.create({
      data: {
        customerId: agent.customerId,
        dealerId: dealer.id,
        type: "WIDGET",
        name: options.name.trim().slice(0, 80) || `${dealer.name} website`,
        publicKey: newWidgetKey(agent.customerId),
        config: ZWidgetConfig.parse({ dealerName: dealer.name }),
      },
    });
  });
}
