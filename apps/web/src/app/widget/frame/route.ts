import { WIDGET_CSS } from "@forecourt/widget/styles";
import { handleWidgetFrame } from "@/server/handlers/widget";

/**
 * The widget iframe page. `frame-ancestors` is the one allowed origin named in the query, so
 * the browser itself refuses to show the chat inside any other website; the frame ticket in
 * the page vouches for that origin on the widget's own requests (widget-frame-ticket.ts).
 * Its headers are its own: next.config.ts adds none of the app-wide ones that would clash.
 */
export async function GET(request: Request) {
  const result = await handleWidgetFrame(request);
  if (!result.ok) {
    return new Response("This website may not show this chat.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": "frame-ancestors 'none'" },
    });
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Chat</title><meta name="forecourt-frame" content="${result.data.ticket}"><style>${WIDGET_CSS}</style></head><body><div id="app"></div><script src="/widget/app.js"></script></body></html>`;
  return new Response(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": result.data.csp,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
