import { getConfig } from "@forecourt/config";
import { ForbiddenError } from "@forecourt/core/errors";

/**
 * CSRF defence for the dashboard's state-changing routes (beyond SameSite=Lax cookies, which a
 * page on another port of the same host gets past): the browser's Origin must be the app's
 * own (WEB_URL, or the origin the request was addressed to), or, where a browser sends no
 * Origin, `Sec-Fetch-Site: same-origin`. Anything else, including `Origin: null`, is 403.
 * Browsers set both headers themselves; a page cannot forge them. Used together with
 * readJsonBody / readUploadBody, which refuse the content types a cross-site form can send.
 * Not for the widget's routes (cross-origin by design; their rule is the channel's allowed
 * origins) nor Auth.js's own route (it has its own CSRF token).
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin !== null) {
    if (origin === new URL(getConfig().WEB_URL).origin || origin === new URL(request.url).origin) return;
    throw new ForbiddenError("cross_origin_request", "Cross-origin requests are refused");
  }
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  throw new ForbiddenError("cross_origin_request", "Cross-origin requests are refused (no Origin header)");
}
