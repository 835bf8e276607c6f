import { NextResponse } from "next/server";
import { z } from "zod";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { errorResponse, jsonError, visitorFromRequest } from "@/server/chat-http";

const ZQuery = z.object({ conversationId: z.uuid(), before: z.coerce.number().int().min(1) });

/** Older messages of the visitor's conversation (paging back). */
export async function GET(request: Request) {
  const visitor = await visitorFromRequest(request);
  if (!visitor) return jsonError(401, "unauthorized", "Start a new chat");
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return errorResponse(query.error);
  try {
    const messages = await listMessagesBefore({
      reader: { visitor },
      conversationId: query.data.conversationId,
      beforeSeq: query.data.before,
    });
    return NextResponse.json({ messages });
  } catch (error) {
    return errorResponse(error);
  }
}
