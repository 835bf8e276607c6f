import { NextResponse, type NextRequest } from "next/server";
import { handleExportAudit } from "@/server/handlers/audit";
import { clientIp } from "@/server/client-ip";
import { getCurrentSession } from "@/server/session";

/** GET /api/audit/export?action=&actorEmail=&from=&to=&customerId= → CSV (audit.view). */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries([...request.nextUrl.searchParams.entries()].filter(([, v]) => v !== ""));
  const result = await handleExportAudit(await getCurrentSession(), params, { ip: clientIp(request.headers) });
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(result.data, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${day}.csv"`,
      "cache-control": "no-store",
    },
  });
}
