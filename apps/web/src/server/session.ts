import { cache } from "react";
import { redirect } from "next/navigation";
import type { TAction } from "@forecourt/auth";
import { getSessionContext, type TSessionContext } from "@forecourt/core";
import { headers } from "next/headers";
import { actorFromSession } from "@forecourt/core/accounts/actor";
import { auth } from "./auth";
import { clientIp } from "./client-ip";
import { sessionCan } from "./principal";

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

export { principalOf, sessionCan } from "./principal";

/**
 * For pages behind the permission matrix: signed out → sign-in; not allowed → /forbidden.
 * Provider staff need a session that passed two-factor (opened with a TOTP code, or enrolled
 * in it) before anything but their own profile; an enrolled user's password-only session does
 * not count.
 */
export async function requirePermission(action: TAction): Promise<TSessionContext> {
  const session = await requireSession();
  if (!sessionCan(session, action)) redirect("/forbidden");
  if (session.user.providerRole && !session.twoFactorPassed && action !== "settings.profile") {
    redirect("/settings/two-factor?required=1");
  }
  return session;
}

/** The acting principal for core use cases. */
export async function requireActor(action: TAction) {
  const session = await requirePermission(action);
  const h = await headers();
  return { session, actor: actorFromSession(session, clientIp(h)) };
}
