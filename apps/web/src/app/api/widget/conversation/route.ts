import { NextResponse } from "next/server";
import { respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleVisitorConversation } from "@/server/handlers/widget";

/** A returning visitor's latest conversation with its latest messages. */
export async function GET(request: Request) {
  return respond(handleVisitorConversation(visitorTokenOf(request), undefined, routeMeta(request)), (data) =>
    NextResponse.json(data, { headers: { "cache-control": "no-store" } }),
  );
}
