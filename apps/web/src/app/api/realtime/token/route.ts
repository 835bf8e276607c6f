import { NextResponse } from "next/server";
import { respond, routeMeta } from "@/server/chat-http";
import { handleRealtimeToken } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** A short-lived token for the gateway's /agent namespace, from the signed-in session. */
export async function GET(request: Request) {
  return respond(handleRealtimeToken(await getCurrentSession(), undefined, routeMeta(request)), (data) =>
    NextResponse.json(data, { headers: { "cache-control": "no-store" } }),
  );
}
