import { readJson, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleListVisitorForms, handleSubmitLeadForm } from "@/server/handlers/lead-forms";

/** The widget's form menu during a chat: the active lead forms of the visitor's dealer. */
export async function GET(request: Request) {
  return respond(handleListVisitorForms(visitorTokenOf(request), undefined, routeMeta(request)));
}

/** The visitor submits a lead form: `{conversationId, requestMessageId, answers}`. */
export async function POST(request: Request) {
  return respond(async () =>
    handleSubmitLeadForm(visitorTokenOf(request), await readJson(request), routeMeta(request)),
  );
}
