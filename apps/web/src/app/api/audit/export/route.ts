import { NextResponse } from "next/server";
import { queryObject, respond, routeMeta } from "@/server/chat-http";
import { handleExportAudit } from "@/server/handlers/audit";
import { getCurrentSession } from "@/server/session";

/** GET /api/audit/export?action=&actorEmail=&from=&to=&customerId= → CSV (audit.view). */
export async function GET(request: Request) {
  const day = new Date().toISOString().slice(0, 10);
  return respond(
    handleExportAudit(await getCurrentSession(), queryObject(request), routeMeta(request)),
    (csv) =>
      new NextResponse(csv, {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="audit-${day}.csv"`,
          "cache-control": "no-store",
        },
      }),
  );
}
