import type { TProviderRole, TTenantRole } from "@forecourt/auth";
import { appDb, withUser } from "@forecourt/db";
import { calendarDay, fromIsoDate, toIsoDate } from "../contract/dates";

export type TMembershipSummary = {
  customerId: string;
  customerName: string;
  role: TTenantRole;
  /** Empty: every dealer of the customer. */
  dealers: { id: string; name: string }[];
  /**
   * Set while the customer is terminated and in its read-only period (L 5.2): the last day
   * owners and admins can still read and export. Writes are refused (`tenantReadOnly`).
   */
  readOnlyUntil?: string;
};

export type TSessionContext = {
  sessionId: string;
  user: { id: string; email: string; name: string; locale: "en" | "nl"; providerRole: TProviderRole | null };
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

  const memberships = await withUser(user.id, (tx) =>
    tx.membership.findMany({
      where: {
        userId: user.id,
        status: "ACTIVE",
        OR: [
          { customer: { status: { in: ["ACTIVE", "PENDING"] } } },
          { role: { in: ["OWNER", "ADMIN"] }, customer: { status: "TERMINATED", readOnlyUntil: { gte: today } } },
        ],
      },
      orderBy: { customer: { name: "asc" } },
      include: { customer: true, dealerScope: { include: { dealer: true } } },
    }),
  );
  const summaries: TMembershipSummary[] = memberships.map((m) => ({
    customerId: m.customerId,
    customerName: m.customer.name,
    role: m.role,
    dealers: m.dealerScope.map((s) => ({ id: s.dealer.id, name: s.dealer.name })),
    ...(m.customer.status === "TERMINATED" && m.customer.readOnlyUntil
      ? { readOnlyUntil: toIsoDate(m.customer.readOnlyUntil) }
      : {}),
  }));

  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await appDb().userSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    sessionId: session.id,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, providerRole: user.providerRole },
    memberships: summaries,
    active: summaries.find((m) => m.customerId === session.activeCustomerId) ?? summaries[0] ?? null,
  };
}
