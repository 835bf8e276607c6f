import { queryObject, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleClientListMessages, handleClientSendMessage } from "@/server/handlers/api-channel";
import { clientApiPreflight, clientApiRespond, readClientJson } from "@/server/http/client-api";

type TContext = { params: Promise<{ inboxIdentifier: string; conversationId: string }> };

/** Messages of the contact's conversation: `?after=<seq>` to resume, `?before=<seq>` for history, neither: the latest page. */
export async function GET(request: Request, context: TContext) {
  const { inboxIdentifier, conversationId } = await context.params;
  return clientApiRespond(() =>
    handleClientListMessages(
      inboxIdentifier,
      visitorTokenOf(request),
      { conversationId, query: queryObject(request) },
      routeMeta(request),
    ),
  );
}

/** Send a text message `{ text, clientId }`; a resend with the same clientId answers the first ack. */
export async function POST(request: Request, context: TContext) {
  const { inboxIdentifier, conversationId } = await context.params;
  return clientApiRespond(
    async () =>
      handleClientSendMessage(
        inboxIdentifier,
        visitorTokenOf(request),
        { conversationId, message: await readClientJson(request) },
        routeMeta(request),
      ),
    201,
  );
}

export const OPTIONS = clientApiPreflight;
