import type { TTenantActor } from "@forecourt/core/retention/actor";
import type { TSessionContext } from "@forecourt/core";

/** The acting user in their active tenant, for the data-protection use cases; null without one. */
export function tenantActorOf(session: TSessionContext): TTenantActor | null {
  if (!session.active) return null;
  return {
    userId: session.user.id,
    customerId: session.active.customerId,
    role: session.active.role,
    providerRole: session.user.providerRole,
  };
}
