"use server";

import { revokeSession } from "@forecourt/core";
import { signOut } from "@/server/auth";
import { getCurrentSession } from "@/server/session";

/** Ends the session in the database (not just the cookie), then returns to sign-in. */
export async function signOutAction() {
  const session = await getCurrentSession();
  if (session) await revokeSession({ sessionId: session.sessionId, userId: session.user.id });
  await signOut({ redirectTo: "/sign-in" });
}
