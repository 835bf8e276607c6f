import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleListConversationForms, handleSendLeadForm } from "@/server/handlers/lead-forms";
import { getCurrentSession } from "@/server/session";

type TContext = { params: Promise<{ id: string }> };

/** The active lead forms of the conversation's dealer (the composer's "Send form" picker). */
export async function GET(request: Request, context: TContext) {
  return respond(handleListConversationForms(await getCurrentSession(), await context.params, routeMeta(request)));
}

/** Send a lead form into the chat: `{clientId, formId}`. */
export async function POST(request: Request, context: TContext) {
  const { id } = await context.params;
  return respond(async () => {
    const body = await readDashboardJson(request);
    return handleSendLeadForm(await getCurrentSession(), { id, body }, routeMeta(request));
  });
}
