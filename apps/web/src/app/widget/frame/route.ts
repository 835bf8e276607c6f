import { WIDGET_CSS } from "@forecourt/widget/styles";
import { handleWidgetFrame } from "@/server/handlers/widget";

/**
 * The widget iframe page. `frame-ancestors` lists the channel's allowed origins, so the browser
 * itself refuses to show the chat inside any other website, whatever the query string claims.
 */
export async function GET(request: Request) {
  const result = await handleWidgetFrame(request);
  if (!result.ok) {
    return new Response("This website may not show this chat.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": "frame-ancestors 'none'" },
    });
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat</title><style>${WIDGET_CSS}</style></head><body><div id="app"></div><script src="/widget/app.js"></script></body></html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": result.data.csp,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
