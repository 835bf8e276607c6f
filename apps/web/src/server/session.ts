import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { TAction } from "@forecourt/auth";
import { getSessionContext, type TSessionContext } from "@forecourt/core";
import {
  principalFromSession,
  refusalFor,
  type TTenantPrincipal,
  type TUserPrincipal,
} from "@forecourt/core/principal";
import { auth } from "./auth";
import { clientIp } from "./client-ip";

/** Who is signed in, once per request; null when signed out, revoked, expired or suspended. */
export const getCurrentSession = cache(async (): Promise<TSessionContext | null> => {
  const session = await auth();
  const sid = (session as { sid?: string } | null)?.sid;
  return sid ? getSessionContext(sid) : null;
});

/** For pages and actions that need a signed-in user. */
export async function requireSession(): Promise<TSessionContext> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return session;
}

/** May the signed-in session do `action` (for showing or hiding parts of a page)? */
export function sessionCan(session: TSessionContext, action: TAction): boolean {
  return refusalFor(principalFromSession(session), action) === null;
}

/**
 * For navigation: `action` is the user's once this session passes two-factor. Provider staff
 * see their console in the sidebar before that; the page itself sends them to enrol first.
 */
export function sessionMayReach(session: TSessionContext, action: TAction): boolean {
  const refusal = refusalFor(principalFromSession(session), action);
  return refusal === null || refusal === "two_factor_required";
}

/**
 * For pages behind the permission matrix: signed out → sign-in; provider rights without a
 * session that passed two-factor → enrol or sign in again; otherwise not allowed → /forbidden.
 */
export async function requirePermission(action: TAction): Promise<TSessionContext> {
  const session = await requireSession();
  const refusal = refusalFor(principalFromSession(session), action);
  if (refusal === "two_factor_required") redirect("/settings/two-factor?required=1");
  if (refusal) redirect("/forbidden");
  return session;
}

/** The acting principal for a page's core calls, after requirePermission. */
export async function requireActor(action: TAction): Promise<{ session: TSessionContext; actor: TUserPrincipal }> {
  const session = await requirePermission(action);
  return { session, actor: principalFromSession(session, clientIp(await headers())) };
}

/** The session's principal in its active tenant, for a page's core reads; null without an active tenant. */
export function tenantPrincipalOf(session: TSessionContext): TTenantPrincipal | null {
  const principal = principalFromSession(session);
  return principal.tenant ? (principal as TTenantPrincipal) : null;
}
