import { can } from "@forecourt/auth";
import { actorFromSession } from "@forecourt/core/accounts/actor";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { auditCsv } from "@forecourt/core/audit/audit-csv";
import { listAuditEvents, ZAuditFilter } from "@forecourt/core/audit/list-audit-events";
import { forbidden, run, unauthenticated, type THandlerMeta } from "./result";

/** The audit log as CSV (GET /api/audit/export): owners/admins of the active tenant, or provider staff. */
export async function handleExportAudit(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  if (!session) return unauthenticated;
  if (!can({ tenantRole: session.active?.role ?? null, providerRole: session.user.providerRole }, "audit.view")) {
    return forbidden;
  }
  return run(async () => {
    const filter = ZAuditFilter.parse({ ...(raw as object), limit: 10_000 });
    const rows = await listAuditEvents({ actor: actorFromSession(session, meta.ip), filter });
    return auditCsv(rows);
  });
}
