import { respond } from "@/server/chat-http";
import { handleUpdateContact } from "@/server/handlers/inbox";
import { getCurrentSession } from "@/server/session";

/** Save the contact panel: name, e-mail, phone, legal basis, vehicles. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const body: unknown = await request.json().catch(() => null);
  return respond(handleUpdateContact(await getCurrentSession(), { id: (await context.params).id, body }));
}
