import { NextResponse } from "next/server";
import { respond, routeMeta } from "@/server/chat-http";
import { handleExportContact } from "@/server/handlers/data-protection";
import { getCurrentSession } from "@/server/session";

/** A data-subject access request: everything held about the contact, as a JSON download. */
export async function GET(request: Request, { params }: { params: Promise<{ contactId: string }> }) {
  return respond(
    handleExportContact(await getCurrentSession(), await params, routeMeta(request)),
    (data) =>
      new NextResponse(JSON.stringify(data, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="contact-${data.contact.id}.json"`,
          "Cache-Control": "no-store",
        },
      }),
  );
}
