import { appDb, type Prisma } from "@forecourt/db";
import { publishSessionRevoked } from "../chat/realtime";

/**
 * Revokes sessions (UserSession is global, no tenant) and tells open sockets at once: the
 * gateway's sockets join `session:<id>`; "session:revoked" on that room makes it disconnect.
 * The database row is the truth (checked on every request); the event only makes it fast.
 */
export async function revokeSessionsWhere(where: Prisma.UserSessionWhereInput): Promise<string[]> {
  const sessions = await appDb().userSession.findMany({ where: { ...where, revokedAt: null }, select: { id: true } });
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  await appDb().userSession.updateMany({
    where: { id: { in: ids }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  publishSessionsRevoked(ids);
  return ids;
}

export function publishSessionsRevoked(sessionIds: string[]): void {
  if (sessionIds.length === 0) return;
  try {
    for (const id of sessionIds) publishSessionRevoked(id);
  } catch (error) {
    // Redis down: sockets learn it on their next check; the session is revoked regardless.
    console.error("could not publish session revocation", error);
  }
}

/** Every session of one user (suspend, replace, force sign-out, password change). */
export function revokeAllSessionsOfUser(userId: string, options: { exceptSessionId?: string } = {}) {
  return revokeSessionsWhere({ userId, ...(options.exceptSessionId ? { id: { not: options.exceptSessionId } } : {}) });
}
