import { respond } from "@/server/chat-http";
import { handleUpdateContact } from "@/server/handlers/inbox";
import { readJsonBody } from "@/server/http/read-body";
import { assertSameOrigin } from "@/server/http/same-origin";
import { getCurrentSession } from "@/server/session";

/** Save the contact panel: name, e-mail, phone, legal basis, vehicles (same-origin JSON only: CSRF). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(
    (async () => {
      assertSameOrigin(request);
      const body = await readJsonBody(request);
      return handleUpdateContact(await getCurrentSession(), { id: (await context.params).id, body });
    })(),
  );
}
