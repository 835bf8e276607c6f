import { appDb } from "@forecourt/db";

/**
 * Of these sign-in session ids, the ones that no longer hold: revoked, expired, or of a
 * suspended user. The gateway asks this every few seconds for the sessions of its sockets.
 */
export async function endedSessions(sessionIds: string[]): Promise<string[]> {
  if (sessionIds.length === 0) return [];
  const live = await appDb().userSession.findMany({
    where: { id: { in: sessionIds }, revokedAt: null, expiresAt: { gt: new Date() }, user: { status: "ACTIVE" } },
    select: { id: true },
  });
  const alive = new Set(live.map((s) => s.id));
  return sessionIds.filter((id) => !alive.has(id));
}
