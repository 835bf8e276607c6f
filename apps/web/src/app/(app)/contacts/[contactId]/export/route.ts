import { NextResponse } from "next/server";
import { z } from "zod";
import { exportContact } from "@forecourt/core/contacts/export-contact";
import { getCurrentSession, sessionCan } from "@/server/session";
import { tenantActorOf } from "@/server/retention-actor";

const ZParams = z.object({ contactId: z.uuid() });

/** A data-subject access request: everything held about the contact, as a JSON download. */
export async function GET(_request: Request, { params }: { params: Promise<{ contactId: string }> }) {
  const session = await getCurrentSession();
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const actor = tenantActorOf(session);
  if (!actor || !sessionCan(session, "contacts.export")) {
    return NextResponse.json({ error: "You may not export contacts." }, { status: 403 });
  }
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) return NextResponse.json({ error: "Not a contact id." }, { status: 400 });
  const data = await exportContact({ actor, contactId: parsed.data.contactId, now: new Date() });
  if (!data) return NextResponse.json({ error: "No such contact." }, { status: 404 });
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="contact-${data.contact.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
