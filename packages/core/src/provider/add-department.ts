import { z } from "zod";
import { withProviderAccess } from "@forecourt/db";
import { assertProvider, type TUserPrincipal } from "../principal";
import { recordAuditEvent } from "../audit/record-audit-event";
import { NotFoundError, RuleError } from "../errors";

export const ZAddDepartment = z.object({
  name: z.string().trim().min(2).max(120),
  kind: z.enum(["SALES", "SERVICE", "PARTS", "OTHER"]).default("OTHER"),
});

/** Adds a department (sales, service, parts…) to one of a customer's dealers. */
export async function addDepartment(options: {
  actor: TUserPrincipal;
  customerId: string;
  dealerId: string;
  input: z.input<typeof ZAddDepartment>;
}) {
  const { actor, customerId } = options;
  assertProvider(actor, "provider.customers.manage");
  const input = ZAddDepartment.parse(options.input);
  return withProviderAccess({ actorUserId: actor.userId, reason: "add department", ip: actor.ip }, async (tx) => {
    const dealer = await tx.dealer.findFirst({ where: { id: options.dealerId, customerId } });
    if (!dealer) throw new NotFoundError("dealer");
    const clash = await tx.department.findFirst({ where: { dealerId: dealer.id, name: input.name } });
    if (clash) throw new RuleError("department_name_taken");
    const department = await tx.department.create({ data: { ...input, customerId, dealerId: dealer.id } });
    await recordAuditEvent(tx, actor, {
      customerId,
      action: "department.created",
      targetType: "Department",
      targetId: department.id,
      data: { ...input, dealerId: dealer.id },
    });
    return department;
  });
}
