/** One audit row as exported. */
export type TAuditRow = {
  createdAt: Date;
  customerId: string | null;
  customerName: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  data: unknown;
};

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(rows: TAuditRow[]): string {
  const header = ["time", "customer_id", "customer", "actor", "action", "target_type", "target_id", "ip", "details"];
  const lines = rows.map((r) =>
    [
      r.createdAt.toISOString(),
      r.customerId ?? "",
      r.customerName ?? "",
      r.actorEmail ?? "",
      r.action,
      r.targetType ?? "",
      r.targetId ?? "",
      r.ip ?? "",
      r.data === null || r.data === undefined ? "" : JSON.stringify(r.data),
    ]
      .map(csvField)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
