import { z } from "zod";
import { hashPassword, passwordProblem, PASSWORD_MAX_LENGTH, type TPasswordProblem } from "@forecourt/auth";
import { appDb, withTenant } from "@forecourt/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hashLinkToken } from "../crypto/secret-box";
import { parseInvitationToken } from "./links";

export type TInvitationPreview =
  | { ok: true; email: string; customerName: string; role: string; needsPassword: boolean }
  | { ok: false; reason: "invalid" | "expired" | "used" };

async function findInvitation(token: string) {
  const parsed = parseInvitationToken(token);
  if (!parsed) return null;
  return withTenant(parsed.customerId, async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(token) } });
    if (!invitation || invitation.customerId !== parsed.customerId) return null;
    const customer = await tx.customer.findFirst({ where: { id: parsed.customerId } });
    return customer ? { invitation, customer } : null;
  });
}

/** What the public accept page shows for a link (nothing about other tenants, nothing secret). */
export async function previewInvitation(token: string): Promise<TInvitationPreview> {
  const found = await findInvitation(token);
  if (!found || found.invitation.revokedAt || !["ACTIVE", "PENDING"].includes(found.customer.status)) {
    return { ok: false, reason: "invalid" };
  }
  if (found.invitation.acceptedAt) return { ok: false, reason: "used" };
  if (found.invitation.expiresAt.getTime() <= Date.now()) return { ok: false, reason: "expired" };
  const user = await appDb().user.findUnique({ where: { email: found.invitation.email } });
  return {
    ok: true,
    email: found.invitation.email,
    customerName: found.customer.name,
    role: found.invitation.role,
    needsPassword: !user?.passwordHash,
  };
}

export const ZAcceptInvitation = z.object({
  token: z.string().min(10).max(300),
  name: z.string().trim().min(1).max(120).optional(),
  password: z
    .string()
    .max(PASSWORD_MAX_LENGTH * 4)
    .optional(),
  locale: z.enum(["en", "nl", "da", "de"]).default("en"),
});

export type TAcceptResult =
  | { ok: true; email: string; customerId: string }
  | { ok: false; reason: "invalid" | "expired" | "used" | "name_required" }
  | { ok: false; reason: "weak_password"; problem: TPasswordProblem };

/**
 * Accepts an invitation: claims it atomically (single use), creates the user or reuses an
 * existing identity, and gives them the invited role and scope. New users set a password here.
 */
export async function acceptInvitation(raw: z.input<typeof ZAcceptInvitation>): Promise<TAcceptResult> {
  const input = ZAcceptInvitation.parse(raw);
  const preview = await previewInvitation(input.token);
  if (!preview.ok) return preview;
  let passwordHash: string | null = null;
  if (preview.needsPassword) {
    if (!input.name) return { ok: false, reason: "name_required" };
    const problem = passwordProblem(input.password ?? "", { email: preview.email });
    if (problem) return { ok: false, reason: "weak_password", problem };
    passwordHash = await hashPassword(input.password ?? "");
  }
  const { customerId } = parseInvitationToken(input.token)!;
  return withTenant(customerId, async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { tokenHash: hashLinkToken(input.token) } });
    if (!invitation) return { ok: false, reason: "invalid" } as const;
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count !== 1) return { ok: false, reason: "used" } as const;

    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    const user = existing
      ? passwordHash
        ? await tx.user.update({
            where: { id: existing.id },
            data: { passwordHash, name: input.name ?? existing.name, lockedUntil: null },
          })
        : existing
      : await tx.user.create({
          data: { email: invitation.email, name: input.name!, passwordHash, locale: input.locale },
        });
    const membership = await tx.membership.upsert({
      where: { customerId_userId: { customerId, userId: user.id } },
      create: { customerId, userId: user.id, role: invitation.role },
      update: { role: invitation.role, status: "ACTIVE", archivedAt: null },
    });
    await tx.membershipDealer.deleteMany({ where: { membershipId: membership.id } });
    await tx.membershipDepartment.deleteMany({ where: { membershipId: membership.id } });
    if (invitation.dealerIds.length > 0) {
      await tx.membershipDealer.createMany({
        data: invitation.dealerIds.map((dealerId) => ({ customerId, membershipId: membership.id, dealerId })),
      });
    }
    if (invitation.departmentIds.length > 0) {
      await tx.membershipDepartment.createMany({
        data: invitation.departmentIds.map((departmentId) => ({
          customerId,
          membershipId: membership.id,
          departmentId,
        })),
      });
    }
    await recordAuditEvent(
      tx,
      { userId: user.id, ip: null },
      {
        customerId,
        action: "invitation.accepted",
        targetType: "Membership",
        targetId: membership.id,
        data: { email: invitation.email, role: invitation.role },
      },
    );
    return { ok: true, email: user.email, customerId } as const;
  });
}
