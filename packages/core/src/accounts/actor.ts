import { can, type TAction, type TProviderRole, type TTenantRole } from "@forecourt/auth";
import { withProviderAccess, withTenant, type TTx } from "@forecourt/db";
import { ForbiddenError } from "../errors";

/** Who is acting, as resolved from their session: every use case takes one. */
export type TActor = {
  userId: string;
  providerRole: TProviderRole | null;
  /** The active tenant and the actor's role in it, if any. */
  tenant: { customerId: string; role: TTenantRole } | null;
  /**
   * Provider staff must have passed two-factor before they use the console. Built from the
   * SESSION (`TSessionContext.twoFactorPassed`: this session was opened with a TOTP code or
   * enrolled in it), not from whether the user has enrolled somewhere.
   */
  twoFactorEnabled: boolean;
  sessionId?: string | null;
  ip?: string | null;
};

export class TwoFactorRequiredError extends ForbiddenError {
  override name = "TwoFactorRequiredError";
}

/** May the actor do `action` as provider staff? (two-factor enrolled) */
export function providerMay(actor: TActor, action: TAction): boolean {
  return !!actor.providerRole && can({ providerRole: actor.providerRole }, action);
}

export function assertProvider(actor: TActor, action: TAction): void {
  if (!providerMay(actor, action)) throw new ForbiddenError();
  if (!actor.twoFactorEnabled) throw new TwoFactorRequiredError("two_factor_required");
}

/** May the actor do `action` in the given tenant through their own membership? */
export function tenantMay(actor: TActor, customerId: string, action: TAction): boolean {
  return actor.tenant?.customerId === customerId && can({ tenantRole: actor.tenant.role }, action);
}

/**
 * Runs `fn` against one tenant's rows, either as that tenant's own member (withTenant) or as
 * provider staff (withProviderAccess: audited, every tenant visible, so use cases always
 * filter by customerId as well). Anyone else: ForbiddenError.
 */
export async function inTenant<T>(
  actor: TActor,
  customerId: string,
  actions: { tenant?: TAction; provider?: TAction; reason: string },
  fn: (tx: TTx, mode: "tenant" | "provider") => Promise<T>,
): Promise<T> {
  if (actions.tenant && tenantMay(actor, customerId, actions.tenant)) {
    return withTenant(customerId, (tx) => fn(tx, "tenant"), { userId: actor.userId });
  }
  if (actions.provider && providerMay(actor, actions.provider)) {
    assertProvider(actor, actions.provider);
    return withProviderAccess({ actorUserId: actor.userId, reason: actions.reason, ip: actor.ip }, (tx) =>
      fn(tx, "provider"),
    );
  }
  throw new ForbiddenError();
}

/** The actor of a resolved session (see get-session-context). */
export function actorFromSession(
  session: {
    sessionId: string;
    user: { id: string; providerRole: TProviderRole | null };
    twoFactorPassed: boolean;
    active: { customerId: string; role: TTenantRole } | null;
  },
  ip?: string | null,
): TActor {
  return {
    userId: session.user.id,
    providerRole: session.user.providerRole,
    tenant: session.active ? { customerId: session.active.customerId, role: session.active.role } : null,
    twoFactorEnabled: session.twoFactorPassed,
    sessionId: session.sessionId,
    ip: ip ?? null,
  };
}
