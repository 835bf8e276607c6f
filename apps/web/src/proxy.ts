import { NextResponse, type NextRequest } from "next/server";
import { getConfig, isNextDevelopment } from "@forecourt/config";
import { dashboardCsp, newNonce } from "@/server/http/csp";

/**
 * A per-request nonce and the dashboard's Content-Security-Policy (server/http/csp.ts). Next.js
 * reads the policy from the request headers and puts the nonce on its own scripts; the pages
 * are rendered per request (they read the session), so every response gets a fresh one.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = dashboardCsp({ nonce, gatewayUrl: getConfig().GATEWAY_URL, dev: isNextDevelopment() });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: not the API, not static files, not the widget (its frame and scripts have their
  // own policy: app/widget/frame/route.ts), not prefetches.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|widget|widget\\.js).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
