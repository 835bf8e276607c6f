import { respond, routeMeta } from "@/server/chat-http";
import { handleListMessages } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** Older messages (load on scroll): ?before=<seq> */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const before = new URL(request.url).searchParams.get("before");
  return respond(
    handleListMessages(await getCurrentSession(), { id: (await context.params).id, before }, routeMeta(request)),
  );
}
