import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { revokeSessionsWhere } from "../accounts/revoke-sessions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

export const ZCustomerSuspension = z.discriminatedUnion("suspend", [
  z.object({ suspend: z.literal(true), reason: z.string().trim().min(3).max(500) }),
  z.object({ suspend: z.literal(false) }),
]);

/**
 * Suspends a customer (e.g. unpaid fees on the due date, T 4.3) or lifts it. Suspension deletes
 * nothing: Customer.status = SUSPENDED with the reason; its users' sign-ins and sessions are
 * refused (getSessionContext, signInWithPassword), their open sockets are told at once, and
 * the widget stops accepting new chats (the live-chat code reads Customer.status).
 */
export async function setCustomerSuspension(options: {
  actor: TUserPrincipal;
  customerId: string;
  input: z.input<typeof ZCustomerSuspension>;
}) {
  const { actor, customerId } = options;
  assertProvider(actor, "provider.customers.manage");
  const input = ZCustomerSuspension.parse(options.input);
  const userIds = await withProviderAccess(
    { actorUserId: actor.userId, reason: input.suspend ? "suspend customer" : "reinstate customer", ip: actor.ip },
    async (tx) => {
      const customer = await tx.customer.findFirst({ where: { id: customerId } });
      if (!customer) throw new NotFoundError("customer");
      if (input.suspend && customer.status !== "ACTIVE" && customer.status !== "PENDING") {
        throw new RuleError("not_active");
      }
      if (!input.suspend && customer.status !== "SUSPENDED") throw new RuleError("not_suspended");
      await tx.customer.update({
        where: { id: customerId },
        data: input.suspend
          ? { status: "SUSPENDED", suspendedReason: input.reason }
          : { status: "ACTIVE", suspendedReason: null },
      });
      await recordAuditEvent(tx, actor, {
        customerId,
        action: input.suspend ? "customer.suspended" : "customer.reinstated",
        targetType: "Customer",
        targetId: customerId,
        data: input.suspend ? { reason: input.reason } : {},
      });
      const members = await tx.membership.findMany({ where: { customerId }, select: { userId: true } });
      return members.map((m) => m.userId);
    },
  );
  if (input.suspend) await revokeSessionsWhere({ userId: { in: userIds }, activeCustomerId: customerId });
  return { ok: true as const };
}
