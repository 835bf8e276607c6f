import { NextResponse } from "next/server";
import { respond } from "@/server/chat-http";
import { handleWidgetConfig } from "@/server/handlers/widget";

/**
 * The public settings of a widget. Called cross-origin by the loader on the dealer's page
 * (the browser sends Origin; only allowed origins get an answer, with CORS for that origin)
 * and same-origin by the iframe (which names the embedding origin; the iframe page's
 * frame-ancestors makes the browser enforce it).
 */
export async function GET(request: Request) {
  return respond(handleWidgetConfig(request), ({ widget, allowOrigin }) =>
    NextResponse.json(widget, {
      headers: {
        "cache-control": "no-store",
        vary: "Origin",
        ...(allowOrigin ? { "access-control-allow-origin": allowOrigin } : {}),
      },
    }),
  );
}
