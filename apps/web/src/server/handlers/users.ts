import { z } from "zod";
import { can } from "@forecourt/auth";
import { actorFromSession } from "@forecourt/core/accounts/actor";
import { changeMembershipStatus } from "@forecourt/core/accounts/change-membership-status";
import { forceSignOut } from "@forecourt/core/accounts/force-sign-out";
import type { TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { inviteUser } from "@forecourt/core/accounts/invite-user";
import { reportMisuse } from "@forecourt/core/accounts/report-misuse";
import { revokeMemberSession } from "@forecourt/core/accounts/revoke-member-session";
import { sendPasswordReset } from "@forecourt/core/accounts/send-password-reset";
import { unlockUser } from "@forecourt/core/accounts/unlock-user";
import { updateMembership } from "@forecourt/core/accounts/update-membership";
import { sessionCan } from "../principal";
import { forbidden, run, unauthenticated, type THandlerMeta, type THandlerResult } from "./result";

/**
 * Settings → Users (a customer's owners and admins) and the same operations from the provider
 * console (provider support, with an explicit customerId). The matrix is asked here
 * (settings.users.manage or provider.users.manage) and again in core.
 */
function gate(session: TSessionContext | null): THandlerResult<never> | null {
  if (!session) return unauthenticated;
  // principalOf carries tenantReadOnly: a terminated customer's owners and admins read and
  // export during the read-only period (L 5.2) but no longer invite, scope or change users.
  if (!sessionCan(session, "settings.users.manage") && !sessionCan(session, "provider.users.manage")) return forbidden;
  return null;
}

const ZTarget = z.object({ customerId: z.uuid().optional() });
const ZMember = ZTarget.extend({ membershipId: z.uuid() });

function customerOf(session: TSessionContext, customerId: string | undefined): string {
  return customerId ?? session.active?.customerId ?? "00000000-0000-4000-8000-000000000000";
}

export const ZInviteForm = ZTarget.extend({
  email: z.string(),
  role: z.string(),
  dealerIds: z.array(z.string()).default([]),
  departmentIds: z.array(z.string()).default([]),
  locale: z.enum(["en", "nl"]).optional(),
});

export async function handleInviteUser(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session);
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = ZInviteForm.parse(raw);
    const { customerId, ...rest } = input;
    return inviteUser({
      actor: actorFromSession(session, meta.ip),
      customerId: customerOf(session, customerId),
      input: { ...rest, role: rest.role as "AGENT", locale: rest.locale ?? session.user.locale },
    });
  });
}

export async function handleUpdateMember(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session);
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = ZMember.extend({
      role: z.string(),
      dealerIds: z.array(z.string()).default([]),
      departmentIds: z.array(z.string()).default([]),
    }).parse(raw);
    return updateMembership({
      actor: actorFromSession(session, meta.ip),
      customerId: customerOf(session, input.customerId),
      membershipId: input.membershipId,
      input: { role: input.role as "AGENT", dealerIds: input.dealerIds, departmentIds: input.departmentIds },
    });
  });
}

export async function handleChangeMemberStatus(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session);
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = ZMember.extend({ change: z.enum(["deactivate", "archive", "restore"]) }).parse(raw);
    return changeMembershipStatus({
      actor: actorFromSession(session, meta.ip),
      customerId: customerOf(session, input.customerId),
      membershipId: input.membershipId,
      change: input.change,
    });
  });
}

type TMemberOptions = { actor: ReturnType<typeof actorFromSession>; customerId: string; membershipId: string };
function memberOperation<R>(op: (options: TMemberOptions) => Promise<R>) {
  return async (session: TSessionContext | null, raw: unknown, meta: THandlerMeta) => {
    const denied = gate(session);
    if (denied || !session) return denied ?? unauthenticated;
    return run(async () => {
      const input = ZMember.parse(raw);
      return op({
        actor: actorFromSession(session, meta.ip),
        customerId: customerOf(session, input.customerId),
        membershipId: input.membershipId,
      });
    });
  };
}

export const handleSendPasswordReset = memberOperation(sendPasswordReset);
export const handleForceSignOut = memberOperation(forceSignOut);
export const handleUnlockMember = memberOperation(unlockUser);

export async function handleRevokeMemberSession(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  const denied = gate(session);
  if (denied || !session) return denied ?? unauthenticated;
  return run(async () => {
    const input = ZMember.extend({ sessionId: z.uuid() }).parse(raw);
    return revokeMemberSession({
      actor: actorFromSession(session, meta.ip),
      customerId: customerOf(session, input.customerId),
      membershipId: input.membershipId,
      sessionId: input.sessionId,
    });
  });
}

/** "Report suspected misuse": any staff member of the active tenant (misuse.report). */
export async function handleReportMisuse(session: TSessionContext | null, raw: unknown, meta: THandlerMeta) {
  if (!session) return unauthenticated;
  if (!can({ tenantRole: session.active?.role ?? null }, "misuse.report")) return forbidden;
  return run(async () => {
    const input = z
      .object({
        description: z.string(),
        subjectMembershipId: z
          .uuid()
          .optional()
          .or(z.literal("").transform(() => undefined)),
      })
      .parse(raw);
    return reportMisuse({ actor: actorFromSession(session, meta.ip), input });
  });
}
