import { readUpload, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleClientUpload } from "@/server/handlers/api-channel";
import { clientApiPreflight, clientApiRespond } from "@/server/http/client-api";

type TContext = { params: Promise<{ inboxIdentifier: string; conversationId: string }> };

/** Send a file (multipart: `clientId`, `file`), checked by size, declared type and magic bytes like the widget's. */
export async function POST(request: Request, context: TContext) {
  const { inboxIdentifier, conversationId } = await context.params;
  return clientApiRespond(
    async () =>
      handleClientUpload(
        inboxIdentifier,
        visitorTokenOf(request),
        { ...(await readUpload(request)), conversationId },
        routeMeta(request),
      ),
    201,
  );
}

export const OPTIONS = clientApiPreflight;
