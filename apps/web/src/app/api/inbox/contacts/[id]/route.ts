import { NextResponse } from "next/server";
import { updateContact } from "@forecourt/core/chat/update-contact";
import { errorResponse } from "@/server/chat-http";
import { agentFor } from "@/server/agent";

/** Save the contact panel: name, e-mail, phone, legal basis, vehicles. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  const auth = await agentFor("contacts.edit");
  if ("response" in auth) return auth.response;
  const body = (await request.json().catch(() => null)) as object | null;
  try {
    await updateContact({ agent: auth.agent, input: { ...(body ?? {}), contactId: (await context.params).id } });
    return NextResponse.json({ ok: true });
  } catch (error) {
    return errorResponse(error);
  }
}
