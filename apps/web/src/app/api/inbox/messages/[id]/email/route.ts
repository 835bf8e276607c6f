import { respond, routeMeta } from "@/server/chat-http";
import { handleEmailHtml } from "@/server/handlers/inbox-channels";
import { getCurrentSession } from "@/server/session";

/** The sanitised HTML version of an inbound e-mail, for the inbox's sandboxed frame (`?images=1`: remote images too). */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const images = new URL(request.url).searchParams.get("images") === "1";
  return respond(handleEmailHtml(await getCurrentSession(), { id, images }, routeMeta(request)));
}
