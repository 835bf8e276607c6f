import { NextResponse } from "next/server";
import { exportLegalBasisRegister } from "@forecourt/core/contacts/export-legal-basis-register";
import { getCurrentSession, sessionCan } from "@/server/session";
import { tenantActorOf } from "@/server/retention-actor";

/** The tenant's legal-basis register (T 7.2) as a JSON download. */
export async function GET() {
  const session = await getCurrentSession();
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const actor = tenantActorOf(session);
  if (!actor || !sessionCan(session, "contacts.export")) {
    return NextResponse.json({ error: "You may not export contacts." }, { status: 403 });
  }
  const register = await exportLegalBasisRegister({ actor, now: new Date() });
  return new NextResponse(JSON.stringify(register, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="legal-basis-register-${register.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
