import { NextResponse } from "next/server";
import { z } from "zod";
import { assignConversation } from "@forecourt/core/chat/assign-conversation";
import { getConversation } from "@forecourt/core/chat/get-conversation";
import { listMessagesBefore } from "@forecourt/core/chat/list-messages";
import { setConversationStatus } from "@forecourt/core/chat/set-conversation-status";
import { errorResponse } from "@/server/chat-http";
import { agentFor } from "@/server/agent";

type TContext = { params: Promise<{ id: string }> };
const ZId = z.uuid();

/** One conversation with its latest page of messages (notes included: agents only). */
export async function GET(_request: Request, context: TContext) {
  const auth = await agentFor("inbox.view");
  if ("response" in auth) return auth.response;
  const id = ZId.safeParse((await context.params).id);
  if (!id.success) return errorResponse(id.error);
  try {
    const conversation = await getConversation({ agent: auth.agent, conversationId: id.data });
    const messages = await listMessagesBefore({ reader: { agent: auth.agent }, conversationId: id.data });
    return NextResponse.json({ conversation, messages });
  } catch (error) {
    return errorResponse(error);
  }
}

const ZAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("assign"), assigneeId: z.uuid().nullable() }),
  z.object({ action: z.literal("transfer"), departmentId: z.uuid().nullable() }),
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reopen") }),
  z.object({ action: z.literal("snooze"), until: z.iso.datetime() }),
]);

/** Assign, transfer, close, reopen, snooze. */
export async function POST(request: Request, context: TContext) {
  const body = ZAction.safeParse(await request.json().catch(() => null));
  if (!body.success) return errorResponse(body.error);
  const action = body.data;
  const auth = await agentFor(
    action.action === "assign" || action.action === "transfer" ? "conversations.assign" : "conversations.manage",
  );
  if ("response" in auth) return auth.response;
  const id = ZId.safeParse((await context.params).id);
  if (!id.success) return errorResponse(id.error);
  try {
    const summary =
      action.action === "assign"
        ? await assignConversation({
            agent: auth.agent,
            input: { conversationId: id.data, assigneeId: action.assigneeId },
          })
        : action.action === "transfer"
          ? await assignConversation({
              agent: auth.agent,
              input: { conversationId: id.data, departmentId: action.departmentId },
            })
          : await setConversationStatus({ agent: auth.agent, input: { conversationId: id.data, ...action } });
    return NextResponse.json({ conversation: summary });
  } catch (error) {
    return errorResponse(error);
  }
}
