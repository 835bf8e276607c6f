/**
 * The permission matrix: the one place that answers "may this principal do that". Every page,
 * route handler, server action and socket event asks `can()`. docs/permissions.md is checked
 * against this table by permissions.test.ts.
 */

export const TENANT_ROLES = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"] as const;
export const PROVIDER_ROLES = ["SUPPORT", "MANAGED_AGENT"] as const;
export type TTenantRole = (typeof TENANT_ROLES)[number];
export type TProviderRole = (typeof PROVIDER_ROLES)[number];

/** Actions, named `area.verb`. */
export const ACTIONS = [
  "inbox.view",
  "contacts.view",
  "reports.view",
  "settings.profile",
  "settings.users.manage",
  "settings.channels.manage",
  "audit.view",
  "provider.console",
  "provider.customers.manage",
] as const;
export type TAction = (typeof ACTIONS)[number];

type TRoleKey = TTenantRole | `PROVIDER_${TProviderRole}`;

const ALL_STAFF: TRoleKey[] = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"];
const ADMINS: TRoleKey[] = ["OWNER", "ADMIN"];

export const PERMISSION_MATRIX: Record<TAction, readonly TRoleKey[]> = {
  "inbox.view": [...ALL_STAFF, "PROVIDER_MANAGED_AGENT"],
  "contacts.view": [...ALL_STAFF, "PROVIDER_MANAGED_AGENT"],
  "reports.view": [...ALL_STAFF],
  "settings.profile": [...ALL_STAFF, "PROVIDER_SUPPORT", "PROVIDER_MANAGED_AGENT"],
  "settings.users.manage": ADMINS,
  "settings.channels.manage": ADMINS,
  "audit.view": [...ADMINS, "PROVIDER_SUPPORT"],
  "provider.console": ["PROVIDER_SUPPORT"],
  "provider.customers.manage": ["PROVIDER_SUPPORT"],
};

/** Who is acting: their role in the active tenant (if any) and their provider role (if any). */
export type TPrincipal = {
  tenantRole?: TTenantRole | null;
  providerRole?: TProviderRole | null;
};

export function can(principal: TPrincipal, action: TAction): boolean {
  const allowed = PERMISSION_MATRIX[action];
  if (principal.tenantRole && allowed.includes(principal.tenantRole)) return true;
  if (principal.providerRole && allowed.includes(`PROVIDER_${principal.providerRole}`)) return true;
  return false;
}
