import { respond } from "@/server/chat-http";
import { handleConversationAction, handleGetConversation } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

type TContext = { params: Promise<{ id: string }> };

/** One conversation with its latest page of messages (notes included: agents only). */
export async function GET(_request: Request, context: TContext) {
  return respond(handleGetConversation(await getCurrentSession(), await context.params));
}

/** Assign, transfer, close, reopen, snooze. */
export async function POST(request: Request, context: TContext) {
  const body: unknown = await request.json().catch(() => null);
  return respond(handleConversationAction(await getCurrentSession(), { id: (await context.params).id, body }));
}
