import { NextResponse } from "next/server";
import { handleExportContact } from "@/server/handlers/data-protection";
import { getCurrentSession } from "@/server/session";

/** A data-subject access request: everything held about the contact, as a JSON download. */
export async function GET(_request: Request, { params }: { params: Promise<{ contactId: string }> }) {
  const result = await handleExportContact(await getCurrentSession(), await params);
  if (!result.ok) return NextResponse.json({ error: result.message }, { status: result.status });
  return new NextResponse(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="contact-${result.data.contact.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
