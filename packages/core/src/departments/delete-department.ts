import { withTenant } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { ZDeleteDepartment } from "./department-input";

/**
 * Deletes a department (audited). Its conversations stay, without a department. Refused while
 * teammates are limited to it: deleting their only department would leave them with an empty
 * department scope, which means "every department" — a silent widening of what they see.
 */
export async function deleteDepartment(options: { actor: TTenantPrincipal; input: { id: string } }) {
  const { actor } = options;
  assertMay(actor, "settings.departments.manage");
  const { id } = ZDeleteDepartment.parse(options.input);
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    // Lock the row first: a teammate being limited to it at this moment (a MembershipDepartment
    // insert, whose foreign key check needs a share lock on it) waits, then fails, instead of
    // slipping in between the count and the delete and being cascaded away.
    await tx.$executeRaw`SELECT 1 FROM "Department" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const department = await tx.department.findUnique({
      where: { id },
      include: { _count: { select: { membershipScopes: true } } },
    });
    if (!department || !agentMaySeeDealer(actor, department.dealerId)) throw new NotFoundError("department");
    if (department._count.membershipScopes > 0) {
      throw new RuleError(
        "department_has_members",
        "Teammates are limited to this department. Change their access in Settings → Users first.",
        { members: department._count.membershipScopes },
      );
    }
    await tx.department.delete({ where: { id } });
    await tx.auditEvent.create({
      data: {
        customerId,
        actorUserId: actor.userId,
        action: "department.deleted",
        targetType: "Department",
        targetId: id,
        data: { name: department.name, dealerId: department.dealerId },
      },
    });
    return { ok: true as const };
  });
}
