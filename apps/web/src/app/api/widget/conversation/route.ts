import { NextResponse } from "next/server";
import { respond } from "@/server/chat-http";
import { handleVisitorConversation } from "@/server/handlers/widget";

/** A returning visitor's latest conversation with its latest messages. */
export async function GET(request: Request) {
  return respond(handleVisitorConversation(request), (data) =>
    NextResponse.json(data, { headers: { "cache-control": "no-store" } }),
  );
}
