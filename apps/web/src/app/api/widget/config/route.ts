import { NextResponse } from "next/server";
import { getConfig } from "@forecourt/config";
import { getPublicWidget } from "@forecourt/core/chat/get-public-widget";
import { jsonError } from "@/server/chat-http";

/**
 * The public settings of a widget. Called cross-origin by the loader on the dealer's page
 * (the browser sends Origin; only allowed origins get an answer, with CORS for that origin)
 * and same-origin by the iframe (which names the embedding origin; the iframe page's
 * frame-ancestors makes the browser enforce it).
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const key = url.searchParams.get("key") ?? "";
  const headerOrigin = request.headers.get("origin");
  const appOrigin = new URL(getConfig().WEB_URL).origin;
  const crossOrigin = headerOrigin !== null && headerOrigin !== appOrigin;
  const origin = crossOrigin ? headerOrigin : url.searchParams.get("origin");
  const lookup = await getPublicWidget({ key, origin });
  if (!lookup.ok) {
    return jsonError(lookup.reason === "not_found" ? 404 : 403, lookup.reason, "This website may not use this chat");
  }
  const headers: Record<string, string> = { "cache-control": "no-store", vary: "Origin" };
  if (crossOrigin && headerOrigin) headers["access-control-allow-origin"] = headerOrigin;
  return NextResponse.json({ ...lookup.widget, gatewayUrl: getConfig().GATEWAY_URL }, { headers });
}
