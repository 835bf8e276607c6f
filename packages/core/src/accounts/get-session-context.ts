import type { TProviderRole, TTenantRole } from "@forecourt/auth";
import { appDb, withUser } from "@forecourt/db";
import { calendarDay, fromIsoDate, toIsoDate } from "../contract/dates";

export type TMembershipSummary = {
  customerId: string;
  customerName: string;
  role: TTenantRole;
  /** Empty: every dealer of the customer. */
  dealers: { id: string; name: string }[];
  /** Empty: every department. */
  departmentIds: string[];
  /**
   * Set while the customer is terminated and in its read-only period (L 5.2): the last day
   * owners and admins can still read and export. Writes are refused (`tenantReadOnly`).
   */
  readOnlyUntil?: string;
};

export type TSessionContext = {
  sessionId: string;
  user: {
    id: string;
    email: string;
    name: string;
    locale: "en" | "nl" | "da" | "de";
    providerRole: TProviderRole | null;
    /** The user has enrolled two-factor (their account asks for a code at sign-in). */
    twoFactorEnabled: boolean;
  };
  /**
   * This session proved the second factor: it was opened with a TOTP code, or two-factor was
   * enrolled in it (which ends every other session). Enrolling elsewhere does not lift a
   * session that was opened with the password alone. Provider staff need it (not merely
   * `user.twoFactorEnabled`) for anything but their own profile.
   */
  twoFactorPassed: boolean;
  memberships: TMembershipSummary[];
  /** The membership of the tenant the user is working in, if any. */
  active: TMembershipSummary | null;
};

/** Refresh lastSeenAt at most this often, not on every request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Resolves a session token's session id to who is signed in and where. Null when the session
 * was revoked, has expired, or its user is suspended: the caller treats that as signed out.
 */
export async function getSessionContext(
  sessionId: string,
  options: { today?: string } = {},
): Promise<TSessionContext | null> {
  const session = await appDb().userSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
  const { user } = session;
  if (user.status !== "ACTIVE") return null;
  // A terminated customer stays visible to its owners and admins through readOnlyUntil (L 5.2).
  const today = fromIsoDate(options.today ?? calendarDay(new Date(now)));

  const all = await withUser(user.id, (tx) =>
    tx.membership.findMany({
      where: { userId: user.id, status: "ACTIVE" },
      orderBy: { customer: { name: "asc" } },
      include: { customer: true, dealerScope: { include: { dealer: true } }, departmentScope: true },
    }),
  );
  // A customer suspended for non-payment (T 4.3): its users' sessions stop working, nothing is
  // deleted. (Same rule as customerSuspensionBlocks, from the rows already read.)
  if (!user.providerRole && all.length > 0 && all.every((m) => m.customer.status === "SUSPENDED")) return null;
  const memberships = all.filter(
    (m) =>
      m.customer.status === "ACTIVE" ||
      m.customer.status === "PENDING" ||
      (m.customer.status === "TERMINATED" &&
        (m.role === "OWNER" || m.role === "ADMIN") &&
        !!m.customer.readOnlyUntil &&
        m.customer.readOnlyUntil >= today),
  );
  const summaries: TMembershipSummary[] = memberships.map((m) => ({
    customerId: m.customerId,
    customerName: m.customer.name,
    role: m.role,
    dealers: m.dealerScope.map((s) => ({ id: s.dealer.id, name: s.dealer.name })),
    departmentIds: m.departmentScope.map((s) => s.departmentId),
    ...(m.customer.status === "TERMINATED" && m.customer.readOnlyUntil
      ? { readOnlyUntil: toIsoDate(m.customer.readOnlyUntil) }
      : {}),
  }));

  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await appDb().userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    sessionId: session.id,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      providerRole: user.providerRole,
      twoFactorEnabled: !!user.totpEnabledAt,
    },
    twoFactorPassed: twoFactorPassed(session.twoFactorVerifiedAt, user.totpEnabledAt),
    memberships: summaries,
    active: summaries.find((m) => m.customerId === session.activeCustomerId) ?? summaries[0] ?? null,
  };
}

/**
 * A proof counts only for the enrolment in force: one made before two-factor was (re-)enabled
 * belongs to an older secret. (Disabling clears the proofs; enrolling revokes other sessions;
 * this is the belt to those braces.)
 */
function twoFactorPassed(verifiedAt: Date | null, enabledAt: Date | null): boolean {
  return !!verifiedAt && !!enabledAt && verifiedAt.getTime() >= enabledAt.getTime();
}
