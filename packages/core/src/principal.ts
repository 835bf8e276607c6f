import {
  apiKeyRefusalOf,
  refusalOf,
  type TAction,
  type TApiScope,
  type TProviderRole,
  type TTenantRole,
} from "@forecourt/auth";
import type { TChannelType } from "@forecourt/protocol";
import type { TSessionContext } from "./accounts/get-session-context";
import { ForbiddenError } from "./errors";

/*
 * The one principal: who is acting, for every use case in core. Each transport builds it in one
 * place (web: apps/web/src/server/define-handler.ts from the session; gateway: from its token;
 * widget: from the visitor token; public API: from the API key, apps/web/src/server/api/define-api-handler.ts;
 * jobs: `systemPrincipal`). The permission matrix is asked
 * through `assertMay` / `principalMay`, never with hand-built role objects.
 */

/** The tenant a user principal works in, with the scope of their membership there. */
export type TTenantScope = {
  customerId: string;
  /** Null for provider staff acting in a tenant they are not a member of (managed agents). */
  role: TTenantRole | null;
  /** Empty: every dealer of the customer. */
  dealerIds: string[];
  /** Empty: every department. */
  departmentIds: string[];
  /** The customer is terminated and in its read-only period (L 5.2): writes are refused. */
  readOnly: boolean;
};

/** A signed-in person: dealer staff, or provider staff. */
export type TUserPrincipal = {
  kind: "user";
  userId: string;
  name: string;
  sessionId: string | null;
  providerRole: TProviderRole | null;
  /** This session passed two-factor (not merely: the user has enrolled a second factor). */
  twoFactorPassed: boolean;
  tenant: TTenantScope | null;
  ip: string | null;
};

/** A user principal known to act in a tenant (what the inbox and tenant settings need). */
export type TTenantPrincipal = TUserPrincipal & { tenant: TTenantScope };

/**
 * A customer's business application calling the public API with a key (docs/api.md). It acts in
 * its tenant with the key's scopes (asked through the same matrix: each action names the scope
 * that grants it) and the key's dealer scope. It is nobody: messages it sends are the bot's, or a
 * named teammate's when the call says so (`asUserId`, checked in core).
 */
export type TApiKeyPrincipal = {
  kind: "api_key";
  keyId: string;
  /** The key's name, shown as the author of what it writes. */
  name: string;
  scopes: TApiScope[];
  tenant: TTenantScope;
  ip: string | null;
};

/** Whoever acts inside one tenant with a dealer scope: a signed-in user, or an API key. */
export type TTenantActor = TTenantPrincipal | TApiKeyPrincipal;

/** A website visitor acting through the widget: one contact on one widget channel. */
export type TVisitorPrincipal = {
  kind: "visitor";
  sessionId: string;
  customerId: string;
  channelId: string;
  contactId: string;
  dealerId: string;
  ip: string | null;
};

/** The platform itself: a scheduled job. Audits what it changes under `job`. */
export type TSystemPrincipal = { kind: "system"; job: string };

/** Channel types an outside service speaks for (everything but our own widget and API). */
export type TExternalChannelType = Exclude<TChannelType, "WIDGET" | "API">;

/**
 * An outside service speaking for a channel (Meta's webhook for one WhatsApp number or page,
 * Twilio for one SMS channel…), built only after its signature verified with that channel's secret. It may record what the
 * customer wrote on this one channel and delivery statuses of its messages, nothing else.
 */
export type TChannelPrincipal = {
  kind: "channel";
  customerId: string;
  dealerId: string;
  channelId: string;
  channelType: TExternalChannelType;
};

export type TPrincipal = TUserPrincipal | TApiKeyPrincipal | TVisitorPrincipal | TSystemPrincipal | TChannelPrincipal;

/** The principal of a resolved web session (get-session-context), in its active tenant. */
export function principalFromSession(session: TSessionContext, ip: string | null = null): TUserPrincipal {
  return userPrincipal(session, session.active, ip);
}

/** The principal of a session acting in one of its memberships (the gateway names the tenant in its token). */
export function userPrincipal(
  session: Pick<TSessionContext, "sessionId" | "user" | "twoFactorPassed">,
  membership: TSessionContext["active"],
  ip: string | null,
): TUserPrincipal {
  return {
    kind: "user",
    userId: session.user.id,
    name: session.user.name,
    sessionId: session.sessionId,
    providerRole: session.user.providerRole,
    twoFactorPassed: session.twoFactorPassed,
    tenant: membership
      ? {
          customerId: membership.customerId,
          role: membership.role,
          dealerIds: membership.dealers.map((d) => d.id),
          departmentIds: membership.departmentIds,
          readOnly: Boolean(membership.readOnlyUntil),
        }
      : null,
    ip,
  };
}

export function systemPrincipal(job: string): TSystemPrincipal {
  return { kind: "system", job };
}

/**
 * Why the principal may not do `action`, or null. `customerId`: the tenant acted on; the tenant
 * role counts only there (provider rights count everywhere). Visitors and jobs hold no matrix
 * rights: their use cases check their own authority (the token, the schedule).
 */
export function refusalFor(principal: TPrincipal, action: TAction, customerId?: string) {
  if (principal.kind === "api_key") {
    if (customerId && customerId !== principal.tenant.customerId) return "forbidden" as const;
    return apiKeyRefusalOf({ scopes: principal.scopes, tenantReadOnly: principal.tenant.readOnly }, action);
  }
  if (principal.kind !== "user") return "forbidden" as const;
  const tenant =
    principal.tenant && (!customerId || principal.tenant.customerId === customerId) ? principal.tenant : null;
  return refusalOf(
    {
      tenantRole: tenant?.role ?? null,
      providerRole: principal.providerRole,
      tenantReadOnly: tenant?.readOnly ?? false,
      twoFactorPassed: principal.twoFactorPassed,
    },
    action,
  );
}

export function principalMay(principal: TPrincipal, action: TAction, customerId?: string): boolean {
  return refusalFor(principal, action, customerId) === null;
}

const REFUSAL_MESSAGES = {
  forbidden: "You are not allowed to do this.",
  read_only: "This workspace is read-only after the end of the contract.",
  two_factor_required: "Sign in again with your authenticator code to use provider rights.",
} as const;

/** Throws ForbiddenError (code: forbidden, read_only or two_factor_required) unless the matrix allows it. */
export function assertMay(principal: TPrincipal, action: TAction, customerId?: string): void {
  const refusal = refusalFor(principal, action, customerId);
  if (refusal) throw new ForbiddenError(refusal, REFUSAL_MESSAGES[refusal]);
}

/** The principal as a user acting in a tenant, or ForbiddenError. */
export function asTenantPrincipal(principal: TPrincipal): TTenantPrincipal {
  if (principal.kind !== "user" || !principal.tenant)
    throw new ForbiddenError("forbidden", "Choose a workspace first.");
  return principal as TTenantPrincipal;
}

/** May the provider role (not a membership) do this? Provider staff act on every tenant, audited. */
export function providerMay(principal: TPrincipal, action: TAction): boolean {
  if (principal.kind !== "user" || !principal.providerRole) return false;
  return (
    refusalOf({ providerRole: principal.providerRole, twoFactorPassed: principal.twoFactorPassed }, action) === null
  );
}

/** Throws unless the provider role allows `action` in a session that passed two-factor. */
export function assertProvider(principal: TPrincipal, action: TAction): asserts principal is TUserPrincipal {
  if (principal.kind !== "user" || !principal.providerRole) throw new ForbiddenError();
  const refusal = refusalOf(
    { providerRole: principal.providerRole, twoFactorPassed: principal.twoFactorPassed },
    action,
  );
  if (refusal) throw new ForbiddenError(refusal, REFUSAL_MESSAGES[refusal]);
}

/** The user a tenant actor stands for, or null for an API key (it reads no "mine", has no read markers). */
export function actingUserId(actor: TTenantActor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

/** Who did it, for an audit event: the user, or the API key named in the event's data. */
export function auditActor(actor: TTenantActor): { actorUserId: string | null; keyData: { apiKeyId?: string } } {
  return actor.kind === "user"
    ? { actorUserId: actor.userId, keyData: {} }
    : { actorUserId: null, keyData: { apiKeyId: actor.keyId } };
}

/** The audit log's actor id: the user, or null for visitors, keys and jobs (keys are named in the event's data). */
export function actorUserId(principal: TPrincipal): string | null {
  return principal.kind === "user" ? principal.userId : null;
}
