import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleConversationAction, handleGetConversation } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

type TContext = { params: Promise<{ id: string }> };

/** One conversation with its latest page of messages (notes included: agents only). */
export async function GET(request: Request, context: TContext) {
  return respond(handleGetConversation(await getCurrentSession(), await context.params, routeMeta(request)));
}

/** Assign, transfer, close, reopen, snooze. */
export async function POST(request: Request, context: TContext) {
  const { id } = await context.params;
  return respond(async () => {
    // Same-origin and body checks first: a cross-site request is refused before the session is read.
    const body = await readDashboardJson(request);
    return handleConversationAction(await getCurrentSession(), { id, body }, routeMeta(request));
  });
}
