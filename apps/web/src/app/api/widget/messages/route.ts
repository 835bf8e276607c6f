import { queryObject, respond, routeMeta } from "@/server/chat-http";
import { visitorTokenOf } from "@/server/define-handler";
import { handleVisitorMessages } from "@/server/handlers/widget";

/** Older messages of the visitor's conversation (paging back). */
export async function GET(request: Request) {
  return respond(handleVisitorMessages(visitorTokenOf(request), queryObject(request), routeMeta(request)));
}
