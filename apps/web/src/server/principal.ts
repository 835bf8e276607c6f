import { can, type TAction } from "@forecourt/auth";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";

/**
 * Who is acting, for the permission matrix. `tenantReadOnly` is set while the active customer
 * is terminated and in its read-only period (L 5.2): owners and admins read and export, and
 * every action marked `writes` is refused. Pure (no Next.js request APIs), so handlers and
 * tests use it too.
 */
export function principalOf(session: TSessionContext) {
  return {
    tenantRole: session.active?.role ?? null,
    providerRole: session.user.providerRole,
    tenantReadOnly: Boolean(session.active?.readOnlyUntil),
  };
}

export function sessionCan(session: TSessionContext, action: TAction): boolean {
  return can(principalOf(session), action);
}
