import { routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleClientListConversations, handleClientStartConversation } from "@/server/handlers/api-channel";
import { clientApiPreflight, clientApiRespond, readClientJson } from "@/server/http/client-api";

type TContext = { params: Promise<{ inboxIdentifier: string }> };

/** The contact's conversations on this inbox, newest first. */
export async function GET(request: Request, context: TContext) {
  const { inboxIdentifier } = await context.params;
  return clientApiRespond(() =>
    handleClientListConversations(inboxIdentifier, visitorTokenOf(request), undefined, routeMeta(request)),
  );
}

/** Open a conversation, optionally with its first message. */
export async function POST(request: Request, context: TContext) {
  const { inboxIdentifier } = await context.params;
  return clientApiRespond(
    async () =>
      handleClientStartConversation(
        inboxIdentifier,
        visitorTokenOf(request),
        await readClientJson(request),
        routeMeta(request),
      ),
    201,
  );
}

export const OPTIONS = clientApiPreflight;
