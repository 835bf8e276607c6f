import { NextResponse } from "next/server";
import { z } from "zod";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { errorResponse } from "@/server/chat-http";
import { agentFor } from "@/server/agent";

/** Older messages (load on scroll): ?before=<seq> */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const auth = await agentFor("inbox.view");
  if ("response" in auth) return auth.response;
  const input = z
    .object({ id: z.uuid(), before: z.coerce.number().int().min(1) })
    .safeParse({ id: (await context.params).id, before: new URL(request.url).searchParams.get("before") });
  if (!input.success) return errorResponse(input.error);
  try {
    const messages = await listMessagesBefore({
      reader: { agent: auth.agent },
      conversationId: input.data.id,
      beforeSeq: input.data.before,
    });
    return NextResponse.json({ messages });
  } catch (error) {
    return errorResponse(error);
  }
}
