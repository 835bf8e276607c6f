import { NextResponse } from "next/server";
import { consumeChatLimit } from "@forecourt/core/chat/chat-limits";
import { getPublicWidget } from "@forecourt/core/chat/get-public-widget";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { ZStartConversation } from "@forecourt/protocol";
import { errorResponse, jsonError } from "@/server/chat-http";
import { clientIp } from "@/server/client-ip";

/** The pre-chat (or offline) form: starts a conversation and returns the visitor's token. */
export async function POST(request: Request) {
  const parsed = ZStartConversation.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return errorResponse(parsed.error);
  const lookup = await getPublicWidget({ key: parsed.data.key, origin: parsed.data.origin });
  if (!lookup.ok) return jsonError(403, "forbidden", "This website may not use this chat");
  const ip = clientIp(request.headers);
  const limit = await consumeChatLimit("conversations", ip, lookup.widget.channelId);
  if (!limit.ok) {
    return jsonError(429, "rate_limited", `Too many new chats; try again in ${limit.retryAfterSeconds} s`, {
      "retry-after": String(limit.retryAfterSeconds),
    });
  }
  try {
    const started = await startVisitorConversation({ input: parsed.data, ip });
    return NextResponse.json({ token: started.token, conversationId: started.conversationId }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
