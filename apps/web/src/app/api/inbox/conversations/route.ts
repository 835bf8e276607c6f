import { queryObject, respond, routeMeta } from "@/server/chat-http";
import { handleListConversations } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** The inbox list: ?view=mine|unassigned|open|closed&dealerId=&departmentId=&before= */
export async function GET(request: Request) {
  return respond(handleListConversations(await getCurrentSession(), queryObject(request), routeMeta(request)));
}
