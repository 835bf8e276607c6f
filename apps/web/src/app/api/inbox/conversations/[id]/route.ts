import { respond } from "@/server/chat-http";
import { handleConversationAction, handleGetConversation } from "@/server/handlers/inbox";
import { readJsonBody } from "@/server/http/read-body";
import { assertSameOrigin } from "@/server/http/same-origin";
import { getCurrentSession } from "@/server/session";

type TContext = { params: Promise<{ id: string }> };

/** One conversation with its latest page of messages (notes included: agents only). */
export async function GET(_request: Request, context: TContext) {
  return respond(handleGetConversation(await getCurrentSession(), await context.params));
}

/** Assign, transfer, close, reopen, snooze (same-origin JSON only: CSRF). */
export async function POST(request: Request, context: TContext) {
  return respond(
    (async () => {
      assertSameOrigin(request);
      const body = await readJsonBody(request);
      return handleConversationAction(await getCurrentSession(), { id: (await context.params).id, body });
    })(),
  );
}
