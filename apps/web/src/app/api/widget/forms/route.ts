import { readJson, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleSubmitLeadForm } from "@/server/handlers/lead-forms";

/** The visitor submits a lead form an agent sent: `{conversationId, requestMessageId, answers}`. */
export async function POST(request: Request) {
  return respond(async () => handleSubmitLeadForm(visitorTokenOf(request), await readJson(request), routeMeta(request)));
}
