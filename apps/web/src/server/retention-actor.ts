import type { TTenantActor } from "@forecourt/core/retention/actor";
import type { TScopedTenantActor } from "@forecourt/core/contacts/contact-scope";
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

/**
 * The same, with the member's dealer scope, for the contact use cases (core's
 * contacts/contact-scope.ts): empty dealerIds means every dealer of the tenant.
 */
export function scopedActorOf(session: TSessionContext): TScopedTenantActor | null {
  const actor = tenantActorOf(session);
  return actor && session.active ? { ...actor, dealerIds: session.active.dealers.map((d) => d.id) } : null;
}
