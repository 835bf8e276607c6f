import { sign, verifySignature } from "./keys";

/** Lifetime of the token the agent inbox presents to the gateway's /agent namespace. */
export const REALTIME_TOKEN_SECONDS = 120;

export type TRealtimeClaims = { sid: string; uid: string; cid: string; exp: number };

/**
 * A short-lived token for the gateway, issued by the web app from a live session. It names the
 * session, so the gateway re-reads the session (revoked? expired? suspended?) on connect and
 * at every re-check; the token alone grants nothing after the session ends.
 */
export function issueRealtimeToken(options: { sessionId: string; userId: string; customerId: string; now?: number }) {
  const claims: TRealtimeClaims = {
    sid: options.sessionId,
    uid: options.userId,
    cid: options.customerId,
    exp: Math.floor((options.now ?? Date.now()) / 1000) + REALTIME_TOKEN_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign("realtime-token", payload)}`;
}

/** The claims of a valid, unexpired token; null otherwise. */
export function verifyRealtimeToken(token: string, now = Date.now()): TRealtimeClaims | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0 || !verifySignature("realtime-token", payload, signature)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TRealtimeClaims;
    if (typeof claims.exp !== "number" || claims.exp * 1000 < now) return null;
    return claims;
  } catch {
    return null;
  }
}
