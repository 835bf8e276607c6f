import { getConfig } from "@forecourt/config";
import { sign, verifySignature } from "../chat/keys";

/** How long the closing message's link works: a customer rates within days or not at all. */
export const RATING_LINK_DAYS = 30;

export type TRatingClaims = { cid: string; conv: string; exp: number };

/**
 * The closing message's link: the conversation and its tenant, signed (the link is the only
 * authority of the public rating page), expiring after RATING_LINK_DAYS.
 */
export function ratingToken(customerId: string, conversationId: string, now = Date.now()): string {
  const claims: TRatingClaims = {
    cid: customerId,
    conv: conversationId,
    exp: Math.floor(now / 1000) + RATING_LINK_DAYS * 86_400,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign("rating-link", payload)}`;
}

export function ratingUrl(customerId: string, conversationId: string): string {
  return `${getConfig().WEB_URL}/rate/${ratingToken(customerId, conversationId)}`;
}

/** The claims of a valid, unexpired link; null for anything else (tampered, expired, garbage). */
export function verifyRatingToken(token: string, now = Date.now()): TRatingClaims | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0 || !verifySignature("rating-link", payload, signature)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TRatingClaims;
    if (typeof claims.exp !== "number" || claims.exp * 1000 < now) return null;
    if (typeof claims.cid !== "string" || typeof claims.conv !== "string") return null;
    return claims;
  } catch {
    return null;
  }
}
