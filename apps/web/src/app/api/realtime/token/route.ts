import { NextResponse } from "next/server";
import { respond } from "@/server/chat-http";
import { handleRealtimeToken } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** A short-lived token for the gateway's /agent namespace, from the signed-in session. */
export async function GET() {
  return respond(handleRealtimeToken(await getCurrentSession()), (data) =>
    NextResponse.json(data, { headers: { "cache-control": "no-store" } }),
  );
}
