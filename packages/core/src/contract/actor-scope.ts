import { can, type TAction, type TProviderRole, type TTenantRole } from "@forecourt/auth";
import { withProviderAccess, withTenant, type TTx } from "@forecourt/db";
import { ForbiddenError } from "../errors";

/** The acting principal, as the web app resolves it from the session. */
export type TContractActor = {
  userId: string;
  providerRole: TProviderRole | null;
  /** The actor's role in `customerId`, when it is their active tenant. */
  tenantRole?: TTenantRole | null;
  tenantReadOnly?: boolean;
  ip?: string | null;
};

/** The subscription does not exist for this customer (or is not visible to the actor). */
export class SubscriptionNotFoundError extends Error {
  override name = "SubscriptionNotFoundError";
}

/**
 * Runs `fn` in one transaction that sees `customerId`'s rows, after asking the permission
 * matrix: provider staff through the audited `withProviderAccess` (their reason is logged),
 * a customer user through `withTenant`.
 */
export async function inContractScope<T>(
  options: {
    actor: TContractActor;
    customerId: string;
    /** The permission provider staff need, and the one a customer user needs (if they may at all). */
    actions: { provider: TAction; tenant?: TAction };
    reason: string;
  },
  fn: (tx: TTx) => Promise<T>,
): Promise<T> {
  const { actor, customerId, actions } = options;
  const asProvider = can({ providerRole: actor.providerRole }, actions.provider);
  if (asProvider) {
    return withProviderAccess(
      { actorUserId: actor.userId, reason: `${options.reason} (customer ${customerId})`, ip: actor.ip },
      fn,
    );
  }
  const action = actions.tenant;
  if (!actor.tenantRole || !action) throw new ForbiddenError();
  return withTenant(
    customerId,
    async (tx) => {
      // The role comes from the database, not from the caller: the actor must be an active
      // member of this customer, and a terminated customer is read-only (L 5.2).
      const membership = await tx.membership.findFirst({
        where: { customerId, userId: actor.userId, status: "ACTIVE" },
        include: { customer: { select: { status: true } } },
      });
      const readOnly = membership?.customer.status === "TERMINATED";
      if (!membership || !can({ tenantRole: membership.role, tenantReadOnly: readOnly }, action)) {
        throw new ForbiddenError();
      }
      return fn(tx);
    },
    { userId: actor.userId },
  );
}
