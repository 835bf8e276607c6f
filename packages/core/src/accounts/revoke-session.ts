import { appDb } from "@forecourt/db";
import { publishSessionRevoked } from "../chat/realtime";

/** Ends a session (sign-out, or an admin revoking it); its token stops working at once. */
export async function revokeSession(options: { sessionId: string; userId: string }): Promise<void> {
  await appDb().userSession.updateMany({
    where: { id: options.sessionId, userId: options.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  // Live-chat sockets of this session are disconnected on every gateway (docs/realtime.md).
  publishSessionRevoked(options.sessionId);
}
