import { NextResponse } from "next/server";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { listVisitorConversations } from "@forecourt/core/chat/resolve-visitor-session";
import { errorResponse, jsonError, visitorFromRequest } from "@/server/chat-http";

/** A returning visitor's latest conversation with its latest messages. */
export async function GET(request: Request) {
  const visitor = await visitorFromRequest(request);
  if (!visitor) return jsonError(401, "unauthorized", "Start a new chat");
  try {
    const [latest] = await listVisitorConversations(visitor);
    if (!latest) return jsonError(404, "not_found", "No conversation");
    const messages = await listMessagesBefore({ reader: { visitor }, conversationId: latest.id });
    return NextResponse.json(
      {
        conversationId: latest.id,
        status: latest.status,
        contactReadSeq: latest.contactReadSeq,
        agentReadSeq: latest.agentReadSeq,
        messages,
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
