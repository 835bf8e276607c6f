import { z } from "zod";
import type { TTx } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import { asTenantPrincipal, type TPrincipal, type TTenantPrincipal } from "../principal";
import { inTenant } from "../tenant-access";

/* What the Settings → Channels use cases of every channel type share. */

/** A channel's name as administrators type it; empty: the use case names it after the dealer. */
export const ZChannelName = z.string().trim().max(80).default("");

/** The channel's config as stored: an object, with keys of other owners (e.g. the lifecycle's) kept. */
export function storedConfig(config: unknown): Record<string, unknown> {
  return config && typeof config === "object" && !Array.isArray(config) ? { ...(config as object) } : {};
}

/** The day the termination switched the channel off (YYYY-MM-DD: config.disabledByLifecycleOn), or null. */
export function lifecycleDayOf(config: unknown): string | null {
  const day = storedConfig(config).disabledByLifecycleOn;
  return typeof day === "string" ? day : null;
}

/**
 * Runs `fn` in the principal's own tenant as someone allowed to manage channels (inTenant:
 * the role and the read-only state are re-read inside the transaction).
 */
export function inChannelSettings<T>(
  principal: TPrincipal,
  reason: string,
  fn: (tx: TTx, agent: TTenantPrincipal) => Promise<T>,
): Promise<T> {
  const agent = asTenantPrincipal(principal);
  return inTenant(principal, agent.tenant.customerId, { tenant: "settings.channels.manage", reason }, (tx) =>
    fn(tx, agent),
  );
}

/** A channel of the principal's tenant and dealer scope, else NotFound (never which). */
export async function loadManagedChannel(tx: TTx, agent: TTenantPrincipal, channelId: string) {
  const channel = await tx.channel.findFirst({ where: { id: channelId, customerId: agent.tenant.customerId } });
  if (!channel || !agentMaySeeDealer(agent, channel.dealerId)) throw new NotFoundError("channel");
  return channel;
}

/** The input of the use cases that act on one channel (regenerate, sync, connection info). */
export const ZChannelRef = z.object({ channelId: z.uuid() });
