import { z } from "zod";
import { TENANT_ROLES } from "@forecourt/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { RuleError } from "../errors";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { assertScope } from "./invite-user";
import { assertMayManage, loadMember } from "./load-member";

export const ZUpdateMembership = z.object({
  role: z.enum(TENANT_ROLES),
  dealerIds: z.array(z.uuid()).max(500).default([]),
  departmentIds: z.array(z.uuid()).max(500).default([]),
});

/** Changes a user's role and dealer / department scope in one customer. */
export async function updateMembership(options: {
  actor: TUserPrincipal;
  customerId: string;
  membershipId: string;
  input: z.input<typeof ZUpdateMembership>;
}) {
  const input = ZUpdateMembership.parse(options.input);
  const { actor, customerId, membershipId } = options;
  return inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "change a user's role or scope" },
    async (tx, mode) => {
      const member = await loadMember(tx, customerId, membershipId);
      assertMayManage(actor, mode, member);
      if (mode === "tenant" && input.role === "OWNER" && actor.tenant?.role !== "OWNER") {
        throw new RuleError("only_owner_may_grant_owner");
      }
      await assertScope(tx, customerId, input.dealerIds, input.departmentIds);
      await tx.membership.update({ where: { id: member.id }, data: { role: input.role } });
      await tx.membershipDealer.deleteMany({ where: { membershipId: member.id } });
      await tx.membershipDepartment.deleteMany({ where: { membershipId: member.id } });
      if (input.dealerIds.length > 0) {
        await tx.membershipDealer.createMany({
          data: input.dealerIds.map((dealerId) => ({ customerId, membershipId: member.id, dealerId })),
        });
      }
      if (input.departmentIds.length > 0) {
        await tx.membershipDepartment.createMany({
          data: input.departmentIds.map((departmentId) => ({ customerId, membershipId: member.id, departmentId })),
        });
      }
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.scope_changed",
        targetType: "Membership",
        targetId: member.id,
        data: {
          email: member.user.email,
          from: {
            role: member.role,
            dealerIds: member.dealerScope.map((s) => s.dealerId),
            departmentIds: member.departmentScope.map((s) => s.departmentId),
          },
          to: input,
        },
      });
      return { ok: true as const };
    },
  );
}
