import { z } from "zod";
import { TENANT_ROLES } from "@forecourt/auth";
import { appDb, type TTx } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashLinkToken, newLinkToken } from "../crypto/secret-box";
import { NotFoundError, RuleError } from "../errors";
import { sendMail } from "../mail/send-mail";
import { mailLocaleOf, renderMail } from "../mail/render-mail";
import { inTenant } from "../tenant-access";
import { type TUserPrincipal } from "../principal";
import { INVITATION_LIFETIME_HOURS, invitationLink } from "./links";

export const ZInviteUser = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: z.enum(TENANT_ROLES),
  dealerIds: z.array(z.uuid()).max(500).default([]),
  departmentIds: z.array(z.uuid()).max(500).default([]),
  /** The invitation mail's language (the web passes the inviter's own); an invitee who already has an account gets theirs. */
  locale: z.enum(["en", "nl", "da", "de"]).default("en"),
});
export type TInviteUser = z.input<typeof ZInviteUser>;

/** Checks that scope ids name this customer's dealers and departments; foreign ids are "not found". */
export async function assertScope(tx: TTx, customerId: string, dealerIds: string[], departmentIds: string[]) {
  if (dealerIds.length > 0) {
    const found = await tx.dealer.count({ where: { customerId, id: { in: dealerIds } } });
    if (found !== new Set(dealerIds).size) throw new NotFoundError("dealer");
  }
  if (departmentIds.length > 0) {
    const departments = await tx.department.findMany({
      where: { customerId, id: { in: departmentIds } },
      select: { dealerId: true },
    });
    if (departments.length !== new Set(departmentIds).size) throw new NotFoundError("department");
    if (dealerIds.length > 0 && departments.some((d) => !dealerIds.includes(d.dealerId))) {
      throw new RuleError("department_outside_dealer_scope");
    }
  }
}

/**
 * Invites someone to a customer by e-mail (Settings → Users, or the provider creating the first
 * administrators). The link sets a password; it expires and works once. No seat limit (L 1.1).
 */
export async function inviteUser(options: { actor: TUserPrincipal; customerId: string; input: TInviteUser }) {
  const input = ZInviteUser.parse(options.input);
  const { actor, customerId } = options;
  const token = `${customerId}.${newLinkToken().token}`;
  const tokenHash = hashLinkToken(token);

  const result = await inTenant(
    actor,
    customerId,
    { tenant: "settings.users.manage", provider: "provider.users.manage", reason: "invite a customer user" },
    async (tx, mode) => {
      const customer = await tx.customer.findFirst({ where: { id: customerId } });
      if (!customer) throw new NotFoundError("customer");
      if (mode === "tenant" && input.role === "OWNER" && actor.tenant?.role !== "OWNER") {
        throw new RuleError("only_owner_may_grant_owner");
      }
      await assertScope(tx, customerId, input.dealerIds, input.departmentIds);
      const existing = await tx.membership.findFirst({
        where: { customerId, status: "ACTIVE", user: { email: input.email } },
      });
      if (existing) throw new RuleError("already_member");
      await tx.invitation.updateMany({
        where: { customerId, email: input.email, acceptedAt: null, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      const invitation = await tx.invitation.create({
        data: {
          customerId,
          email: input.email,
          role: input.role,
          dealerIds: input.dealerIds,
          departmentIds: input.departmentIds,
          tokenHash,
          invitedById: actor.userId,
          expiresAt: new Date(Date.now() + INVITATION_LIFETIME_HOURS * 3_600_000),
        },
      });
      await recordAuditEvent(tx, actor, {
        customerId,
        action: "user.invited",
        targetType: "Invitation",
        targetId: invitation.id,
        data: { email: input.email, role: input.role, dealerIds: input.dealerIds, departmentIds: input.departmentIds },
      });
      return { invitation, customerName: customer.name };
    },
  );

  const inviter = await appDb().user.findUnique({ where: { id: actor.userId }, select: { name: true } });
  const invitee = await appDb().user.findUnique({ where: { email: input.email }, select: { locale: true } });
  const mail = renderMail("invitation", mailLocaleOf(invitee?.locale ?? input.locale), {
    customerName: result.customerName,
    inviterName: actor.providerRole ? "Forecourt" : (inviter?.name ?? "Forecourt"),
    link: invitationLink(token),
    expiresHours: INVITATION_LIFETIME_HOURS,
  });
  let mailed = true;
  try {
    await sendMail({ to: input.email, ...mail });
  } catch (error) {
    console.error("invitation e-mail failed", error);
    mailed = false;
  }
  return { invitationId: result.invitation.id, mailed };
}
