import { respond } from "@/server/chat-http";
import { handleVisitorMessages } from "@/server/handlers/widget";

/** Older messages of the visitor's conversation (paging back). */
export async function GET(request: Request) {
  return respond(handleVisitorMessages(request));
}
