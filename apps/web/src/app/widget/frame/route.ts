import { getConfig } from "@forecourt/config";
import { getPublicWidget } from "@forecourt/core/chat/get-public-widget";
import { WIDGET_CSS } from "@forecourt/widget/styles";

/**
 * The widget iframe page. `frame-ancestors` lists the channel's allowed origins, so the browser
 * itself refuses to show the chat inside any other website, whatever the query string claims.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const key = url.searchParams.get("key") ?? "";
  const origin = url.searchParams.get("origin");
  const lookup = await getPublicWidget({ key, origin });
  if (!lookup.ok) {
    return new Response("This website may not show this chat.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": "frame-ancestors 'none'" },
    });
  }
  const gateway = new URL(getConfig().GATEWAY_URL);
  const ws = `${gateway.protocol === "https:" ? "wss:" : "ws:"}//${gateway.host}`;
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data: https:",
    `connect-src 'self' ${ws} ${gateway.origin}`,
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${lookup.widget.config.allowedOrigins.join(" ")}`,
  ].join("; ");
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat</title><style>${WIDGET_CSS}</style></head><body><div id="app"></div><script src="/widget/app.js"></script></body></html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": csp,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
