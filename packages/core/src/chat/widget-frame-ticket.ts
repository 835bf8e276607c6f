import { sign, verifySignature } from "./keys";

/**
 * How long the widget iframe may use the ticket it was served with. A dealer page can stay
 * open for a working day; after that the widget asks the visitor to reload the page.
 */
export const FRAME_TICKET_SECONDS = 24 * 3600;

type TFrameClaims = { k: string; o: string; exp: number };

/**
 * The embedding page's origin, vouched for by the app. The widget iframe runs on the app's
 * origin, so its requests carry the app's Origin header and say nothing about the dealer page
 * around it. /widget/frame?origin=X is served only for an allowed X, with
 * `frame-ancestors X`: the browser renders it only inside a page of X. The page carries this
 * ticket (HMAC over key and origin), and the widget sends it back; another website can neither
 * frame that page nor read it cross-origin, so it cannot obtain a ticket for an origin it is
 * not (a non-browser client could, but it can forge any Origin header just as well).
 */
export function issueFrameTicket(options: { key: string; origin: string; now?: number }): string {
  const claims: TFrameClaims = {
    k: options.key,
    o: options.origin,
    exp: Math.floor((options.now ?? Date.now()) / 1000) + FRAME_TICKET_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign("widget-frame", payload)}`;
}

/** The origin a valid, unexpired ticket for this widget key vouches for; null otherwise. */
export function verifyFrameTicket(ticket: string | null | undefined, key: string, now = Date.now()): string | null {
  if (!ticket || ticket.length > 2000) return null;
  const [payload, signature, ...rest] = ticket.split(".");
  if (!payload || !signature || rest.length > 0 || !verifySignature("widget-frame", payload, signature)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TFrameClaims;
    if (claims.k !== key || typeof claims.o !== "string" || typeof claims.exp !== "number") return null;
    return claims.exp * 1000 < now ? null : claims.o;
  } catch {
    return null;
  }
}
