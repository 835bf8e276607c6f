import { readDashboardJson, respond, routeMeta } from "@/server/chat-http";
import { handleUpdateContact } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** Save the contact panel: name, e-mail, phone, legal basis, vehicles. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  return respond(async () => {
    // Same-origin and body checks first: a cross-site request is refused before the session is read.
    const body = await readDashboardJson(request);
    return handleUpdateContact(await getCurrentSession(), { id, body }, routeMeta(request));
  });
}
