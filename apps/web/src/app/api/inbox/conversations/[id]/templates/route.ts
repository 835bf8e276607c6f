import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleListTemplates, handleSendTemplate } from "@/server/handlers/inbox-channels";
import { getCurrentSession } from "@/server/session";

type TContext = { params: Promise<{ id: string }> };

/** The approved templates of the conversation's channel (the composer's template picker). */
export async function GET(request: Request, context: TContext) {
  return respond(handleListTemplates(await getCurrentSession(), await context.params, routeMeta(request)));
}

/** Send a template: `{clientId, templateId, variables}` (outside WhatsApp's 24-hour window). */
export async function POST(request: Request, context: TContext) {
  const { id } = await context.params;
  return respond(async () => {
    const body = await readDashboardJson(request);
    return handleSendTemplate(await getCurrentSession(), { id, body }, routeMeta(request));
  });
}
