import { z } from "zod";
import { appDb, withProviderAccess, withTenant, type Prisma } from "@forecourt/db";
import { assertProvider, principalMay, type TUserPrincipal } from "../principal";
import { ForbiddenError } from "../errors";
import type { TAuditRow } from "./audit-csv";

export const ZAuditFilter = z.object({
  /** Provider staff only: one customer (tenant admins always see only their own). */
  customerId: z.uuid().optional(),
  /** Prefix of the action, e.g. "user." */
  action: z.string().trim().max(80).optional(),
  actorEmail: z.string().trim().toLowerCase().max(320).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});
export type TAuditFilter = z.input<typeof ZAuditFilter>;

/**
 * The audit log, newest first. A customer's owners and admins read their own tenant only
 * (withTenant, RLS); provider staff read every tenant (withProviderAccess, itself audited).
 * Provider-wide "provider.access" entries are left out unless asked for by action.
 */
export async function listAuditEvents(options: { actor: TUserPrincipal; filter?: TAuditFilter }): Promise<TAuditRow[]> {
  const { actor } = options;
  const filter = ZAuditFilter.parse(options.filter ?? {});
  const actorIds = filter.actorEmail
    ? (await appDb().user.findMany({ where: { email: { contains: filter.actorEmail } }, select: { id: true } })).map(
        (u) => u.id,
      )
    : undefined;
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.action ? { action: { startsWith: filter.action } } : { action: { not: "provider.access" } }),
    ...(actorIds ? { actorUserId: { in: actorIds } } : {}),
    ...(filter.from || filter.to
      ? {
          createdAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
            ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
  const query = { where, orderBy: { createdAt: "desc" as const }, take: filter.limit };

  let events;
  if (actor.tenant && principalMay(actor, "audit.view", actor.tenant.customerId) && !actor.providerRole) {
    const customerId = actor.tenant.customerId;
    if (filter.customerId && filter.customerId !== customerId) throw new ForbiddenError();
    events = await withTenant(
      customerId,
      (tx) => tx.auditEvent.findMany({ ...query, where: { ...where, customerId } }),
      {
        userId: actor.userId,
      },
    );
  } else if (actor.providerRole) {
    assertProvider(actor, "audit.view");
    events = await withProviderAccess({ actorUserId: actor.userId, reason: "read the audit log", ip: actor.ip }, (tx) =>
      tx.auditEvent.findMany({
        ...query,
        where: { ...where, ...(filter.customerId ? { customerId: filter.customerId } : {}) },
      }),
    );
  } else {
    throw new ForbiddenError();
  }

  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => !!id))];
  const users = await appDb().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const customerIds = [...new Set(events.map((e) => e.customerId).filter((id): id is string => !!id))];
  const names =
    customerIds.length === 0
      ? []
      : actor.tenant && !actor.providerRole
        ? await withTenant(actor.tenant.customerId, (tx) => tx.customer.findMany({ select: { id: true, name: true } }))
        : await withProviderAccess(
            { actorUserId: actor.userId, reason: "audit log: customer names", ip: actor.ip },
            (tx) => tx.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true } }),
          );
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  return events.map((e) => ({
    createdAt: e.createdAt,
    customerId: e.customerId,
    customerName: e.customerId ? (nameOf.get(e.customerId) ?? null) : null,
    actorEmail: e.actorUserId ? (emailOf.get(e.actorUserId) ?? null) : null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    data: e.data,
  }));
}
