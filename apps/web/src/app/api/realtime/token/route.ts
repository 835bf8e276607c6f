import { NextResponse } from "next/server";
import { getConfig } from "@forecourt/config";
import { issueRealtimeToken } from "@forecourt/core/chat/realtime-token";
import { jsonError } from "@/server/chat-http";
import { getCurrentSession, sessionCan } from "@/server/session";

/** A short-lived token for the gateway's /agent namespace, from the signed-in session. */
export async function GET() {
  const session = await getCurrentSession();
  if (!session) return jsonError(401, "unauthorized", "Sign in again");
  if (!session.active || !sessionCan(session, "inbox.view")) return jsonError(403, "forbidden", "No inbox access");
  const token = issueRealtimeToken({
    sessionId: session.sessionId,
    userId: session.user.id,
    customerId: session.active.customerId,
  });
  return NextResponse.json({ token, url: getConfig().GATEWAY_URL }, { headers: { "cache-control": "no-store" } });
}
