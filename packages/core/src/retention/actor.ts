import { can, type TAction, type TProviderRole, type TTenantRole } from "@forecourt/auth";
import { ForbiddenError } from "../errors";

/** Who acts, in which tenant: the signed-in user's role there (from the session). */
export type TTenantActor = {
  userId: string;
  customerId: string;
  role: TTenantRole | null;
  providerRole?: TProviderRole | null;
};

/** Asks the permission matrix; throws ForbiddenError (handlers map it to 403) when it says no. */
export function assertCan(actor: { role?: TTenantRole | null; providerRole?: TProviderRole | null }, action: TAction) {
  if (!can({ tenantRole: actor.role ?? null, providerRole: actor.providerRole ?? null }, action)) {
    throw new ForbiddenError();
  }
}
