import { NextResponse } from "next/server";
import { respond } from "@/server/chat-http";
import { handleStartConversation } from "@/server/handlers/widget";

/** The pre-chat (or offline) form: starts a conversation and returns the visitor's token. */
export async function POST(request: Request) {
  return respond(handleStartConversation(request), (data) => NextResponse.json(data, { status: 201 }));
}
