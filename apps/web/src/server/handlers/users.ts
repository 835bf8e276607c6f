import { z } from "zod";
import { changeMembershipStatus, ZMembershipStatusChange } from "@forecourt/core/accounts/change-membership-status";
import { forceSignOut } from "@forecourt/core/accounts/force-sign-out";
import { inviteUser, ZInviteUser } from "@forecourt/core/accounts/invite-user";
import { reportMisuse, ZReportMisuse } from "@forecourt/core/accounts/report-misuse";
import { revokeMemberSession } from "@forecourt/core/accounts/revoke-member-session";
import { sendPasswordReset } from "@forecourt/core/accounts/send-password-reset";
import { unlockUser } from "@forecourt/core/accounts/unlock-user";
import { updateMembership, ZUpdateMembership } from "@forecourt/core/accounts/update-membership";
import { NotFoundError } from "@forecourt/core/errors";
import type { TUserPrincipal } from "@forecourt/core/principal";
import { defineHandler } from "../define-handler";

/**
 * Settings → Users (a customer's owners and admins) and the same operations from the provider
 * console (provider support, with an explicit customerId). The matrix is asked by the wrapper
 * (settings.users.manage or provider.users.manage) and again in core for the tenant named.
 */
const USERS = { permission: ["settings.users.manage", "provider.users.manage"], scope: "user" } as const;

const ZTarget = z.object({ customerId: z.uuid().optional() });
const ZMember = ZTarget.extend({ membershipId: z.uuid() });

/** The tenant acted on: the one named (provider console) or the principal's active tenant. */
function customerOf(principal: TUserPrincipal, customerId: string | undefined): string {
  const id = customerId ?? principal.tenant?.customerId;
  if (!id) throw new NotFoundError("customer");
  return id;
}

export const handleInviteUser = defineHandler(
  { ...USERS, input: ZInviteUser.partial({ locale: true }).extend(ZTarget.shape) },
  ({ principal, input: { customerId, ...input }, session }) =>
    inviteUser({
      actor: principal,
      customerId: customerOf(principal, customerId),
      input: { ...input, locale: input.locale ?? session.user.locale },
    }),
);

export const handleUpdateMember = defineHandler(
  { ...USERS, input: ZUpdateMembership.extend(ZMember.shape) },
  ({ principal, input: { customerId, membershipId, ...input } }) =>
    updateMembership({ actor: principal, customerId: customerOf(principal, customerId), membershipId, input }),
);

export const handleChangeMemberStatus = defineHandler(
  { ...USERS, input: ZMember.extend({ change: ZMembershipStatusChange }) },
  ({ principal, input }) =>
    changeMembershipStatus({
      actor: principal,
      customerId: customerOf(principal, input.customerId),
      membershipId: input.membershipId,
      change: input.change,
    }),
);

type TMemberOptions = { actor: TUserPrincipal; customerId: string; membershipId: string };
const memberOperation = <R>(op: (options: TMemberOptions) => Promise<R>) =>
  defineHandler({ ...USERS, input: ZMember }, ({ principal, input }) =>
    op({ actor: principal, customerId: customerOf(principal, input.customerId), membershipId: input.membershipId }),
  );

export const handleSendPasswordReset = memberOperation(sendPasswordReset);
export const handleForceSignOut = memberOperation(forceSignOut);
export const handleUnlockMember = memberOperation(unlockUser);

export const handleRevokeMemberSession = defineHandler(
  { ...USERS, input: ZMember.extend({ sessionId: z.uuid() }) },
  ({ principal, input }) =>
    revokeMemberSession({
      actor: principal,
      customerId: customerOf(principal, input.customerId),
      membershipId: input.membershipId,
      sessionId: input.sessionId,
    }),
);

/** "Report suspected misuse": any staff member of the active tenant (misuse.report). */
export const handleReportMisuse = defineHandler(
  { permission: "misuse.report", input: ZReportMisuse },
  ({ principal, input }) => reportMisuse({ actor: principal, input }),
);
