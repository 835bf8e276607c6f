import { getConfig } from "@forecourt/config";

export const INVITATION_LIFETIME_HOURS = 72;
export const PASSWORD_RESET_LIFETIME_HOURS = 2;
/** Archived users can be restored for this many days (then they stay archived). */
export const ARCHIVE_RESTORE_DAYS = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An invitation token names its tenant ("<customerId>.<secret>") so that the public accept page
 * can look the invitation up inside that tenant (RLS) without any cross-tenant access.
 */
export function parseInvitationToken(token: string): { customerId: string } | null {
  const [customerId, secret] = token.split(".");
  if (!customerId || !secret || !UUID.test(customerId) || secret.length < 20) return null;
  return { customerId };
}

export const invitationLink = (token: string) => `${getConfig().WEB_URL}/invite/${encodeURIComponent(token)}`;
export const passwordResetLink = (token: string) =>
  `${getConfig().WEB_URL}/reset-password/${encodeURIComponent(token)}`;
