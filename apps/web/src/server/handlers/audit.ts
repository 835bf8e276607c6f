import { auditCsv } from "@forecourt/core/audit/audit-csv";
import { listAuditEvents, ZAuditFilter } from "@forecourt/core/audit/list-audit-events";
import { defineHandler } from "../define-handler";

/** The audit log as CSV (GET /api/audit/export): owners/admins of the active tenant, or provider staff. */
export const handleExportAudit = defineHandler(
  { permission: "audit.view", scope: "user", input: ZAuditFilter.omit({ limit: true }) },
  async ({ principal, input }) =>
    auditCsv(await listAuditEvents({ actor: principal, filter: { ...input, limit: 10_000 } })),
);
