import { routeMeta } from "@/server/chat-http";
import { handleClientIdentify } from "@/server/handlers/api-channel";
import { clientApiPreflight, clientApiRespond, readClientJson } from "@/server/http/client-api";

type TContext = { params: Promise<{ inboxIdentifier: string }> };

/** Identify the app's user (identifier + identifierHash); answers the contact token. */
export async function POST(request: Request, context: TContext) {
  const { inboxIdentifier } = await context.params;
  return clientApiRespond(async () =>
    handleClientIdentify(inboxIdentifier, await readClientJson(request), routeMeta(request)),
  );
}

export const OPTIONS = clientApiPreflight;
