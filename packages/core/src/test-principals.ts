import type { TProviderRole, TTenantRole } from "@forecourt/auth";
import type { TTenantPrincipal, TTenantScope, TUserPrincipal } from "./principal";

/*
 * Principals for tests (tests only: transports build real ones from sessions and tokens).
 * Defaults are the least privileged: no second factor, full dealer scope, writable tenant.
 */

export function testUserPrincipal(
  userId: string,
  options: {
    providerRole?: TProviderRole | null;
    twoFactorPassed?: boolean;
    tenant?: TTenantScope | null;
    name?: string;
    sessionId?: string | null;
    ip?: string | null;
  } = {},
): TUserPrincipal {
  return {
    kind: "user",
    userId,
    name: options.name ?? "Test user",
    sessionId: options.sessionId ?? null,
    providerRole: options.providerRole ?? null,
    twoFactorPassed: options.twoFactorPassed ?? false,
    tenant: options.tenant ?? null,
    ip: options.ip ?? null,
  };
}

export function testTenantScope(
  customerId: string,
  role: TTenantRole | null,
  scope: Partial<Omit<TTenantScope, "customerId" | "role">> = {},
): TTenantScope {
  return { customerId, role, dealerIds: [], departmentIds: [], readOnly: false, ...scope };
}

export function testMemberPrincipal(
  userId: string,
  customerId: string,
  role: TTenantRole | null,
  options: Partial<Omit<TTenantScope, "customerId" | "role">> & {
    providerRole?: TProviderRole | null;
    name?: string;
    sessionId?: string | null;
    ip?: string | null;
  } = {},
): TTenantPrincipal {
  const { providerRole, name, sessionId, ip, ...scope } = options;
  return testUserPrincipal(userId, {
    providerRole,
    name,
    sessionId,
    ip,
    tenant: testTenantScope(customerId, role, scope),
  }) as TTenantPrincipal;
}
