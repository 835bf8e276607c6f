import { readJson, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleOfferLeadForm } from "@/server/handlers/lead-forms";

/** The visitor picked a form from the widget's menu: `{conversationId, formId}`; the form message is written into the chat. */
export async function POST(request: Request) {
  return respond(async () => handleOfferLeadForm(visitorTokenOf(request), await readJson(request), routeMeta(request)));
}
