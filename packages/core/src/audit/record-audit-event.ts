import type { Prisma, TTx } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";

export type TAuditEntry = {
  /** The tenant concerned; null for provider-wide events. */
  customerId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  data?: Prisma.InputJsonValue;
};

/**
 * Appends one AuditEvent (who, what, target, tenant, when, IP) in the caller's transaction, so
 * the record and the change commit together. The app role cannot update or delete it.
 */
export async function recordAuditEvent(
  tx: TTx,
  actor: Pick<TUserPrincipal, "userId" | "ip"> | null,
  entry: TAuditEntry,
) {
  await tx.auditEvent.create({
    data: {
      customerId: entry.customerId,
      actorUserId: actor?.userId ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      data: entry.data ?? undefined,
      ip: actor?.ip ?? null,
    },
  });
}
