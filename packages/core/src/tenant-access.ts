import type { TAction } from "@forecourt/auth";
import { withProviderAccess, withTenant, type TTx } from "@forecourt/db";
import { ForbiddenError } from "./errors";
import { assertMay, assertProvider, principalMay, type TPrincipal } from "./principal";

/**
 * Runs `fn` against one tenant's rows, after asking the permission matrix: as that tenant's own
 * member (withTenant, when `actions.tenant` is allowed in this tenant), else as provider staff
 * (withProviderAccess: audited with `reason`, every tenant visible, so use cases still filter
 * by customerId; needs a session that passed two-factor). Anyone else: ForbiddenError with the
 * matrix's reason (forbidden, read_only, two_factor_required).
 */
export async function inTenant<T>(
  principal: TPrincipal,
  customerId: string,
  actions: { tenant?: TAction; provider?: TAction; reason: string },
  fn: (tx: TTx, mode: "tenant" | "provider") => Promise<T>,
): Promise<T> {
  if (principal.kind !== "user") throw new ForbiddenError();
  const member = principal.tenant?.customerId === customerId;
  if (actions.tenant && member && principalMay(principal, actions.tenant, customerId)) {
    const action = actions.tenant;
    return withTenant(
      customerId,
      async (tx) => {
        // Defence in depth: the role and the read-only state come from the database as of this
        // transaction, not only from the principal (a session may be seconds stale).
        const membership = await tx.membership.findFirst({
          where: { customerId, userId: principal.userId, status: "ACTIVE" },
          select: { role: true, customer: { select: { status: true } } },
        });
        if (!membership) throw new ForbiddenError();
        const current = {
          ...principal,
          tenant: {
            ...principal.tenant!,
            role: membership.role,
            readOnly: principal.tenant!.readOnly || membership.customer.status === "TERMINATED",
          },
        };
        assertMay(current, action, customerId);
        return fn(tx, "tenant");
      },
      { userId: principal.userId },
    );
  }
  if (actions.provider && principal.providerRole) {
    assertProvider(principal, actions.provider);
    return withProviderAccess(
      { actorUserId: principal.userId, reason: `${actions.reason} (customer ${customerId})`, ip: principal.ip },
      (tx) => fn(tx, "provider"),
    );
  }
  // Say why (read-only, two-factor) when the tenant route was the one that applied.
  if (actions.tenant && member) assertMay(principal, actions.tenant, customerId);
  throw new ForbiddenError();
}
