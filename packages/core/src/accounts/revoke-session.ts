import { revokeSessionsWhere } from "./revoke-sessions";

/** Ends a session (sign-out, or an admin revoking it); its token stops working at once. */
export async function revokeSession(options: { sessionId: string; userId: string }): Promise<void> {
  await revokeSessionsWhere({ id: options.sessionId, userId: options.userId });
}
