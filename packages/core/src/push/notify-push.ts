import { appDb, withTenant, type TTx } from "@forecourt/db";
import { memberScopeHolds } from "../routing/member-scope-sql";
import { PUSH_TITLES, PUSH_VISITOR, type TPushKind } from "./push-texts";
import { sendWebPush } from "./send-web-push";

export type TPushNotice = {
  customerId: string;
  conversationId: string;
  /** "new": a conversation arrived (after routing); "assigned": someone gave it to a person. */
  kind: TPushKind;
  /** Who caused it (not notified of their own act). */
  actorUserId?: string | null;
};

/** Active members whose dealer and department scope hold the conversation (who would see it in their inbox). */
async function membersWhoSee(tx: TTx, customerId: string, dealerId: string, departmentId: string | null) {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT m."userId" FROM "Membership" m
     WHERE m."customerId" = ${customerId}::uuid AND m."status" = 'ACTIVE'
       AND ${memberScopeHolds(dealerId, departmentId)}`;
  return rows.map((r) => r.userId);
}

/**
 * Web Push for a new conversation or an assignment (docs/push.md): a conversation with an
 * assignee notifies that person only; an unassigned one everyone who would see it in their
 * inbox. Nothing while a bot holds it, once it is closed, or once the customer is terminated
 * (L 5.2). The payload names the contact and the dealer, never message text.
 */
export async function notifyPush(notice: TPushNotice): Promise<{ sent: number; gone: number; failed: number }> {
  const outcome = { sent: 0, gone: 0, failed: 0 };
  const target = await withTenant(notice.customerId, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: notice.customerId }, select: { status: true } });
    const c = await tx.conversation.findUnique({
      where: { id: notice.conversationId },
      select: {
        id: true,
        status: true,
        botId: true,
        assigneeId: true,
        dealerId: true,
        departmentId: true,
        contact: { select: { name: true } },
        dealer: { select: { name: true } },
      },
    });
    if (!customer || (customer.status !== "ACTIVE" && customer.status !== "PENDING")) return null;
    if (!c || c.status === "CLOSED" || c.botId) return null;
    const see = await membersWhoSee(tx, notice.customerId, c.dealerId, c.departmentId);
    const recipients = c.assigneeId ? see.filter((id) => id === c.assigneeId) : notice.kind === "new" ? see : [];
    return { c, kind: c.assigneeId ? ("assigned" as const) : notice.kind, recipients };
  });
  if (!target) return outcome;
  const recipients = target.recipients.filter((id) => id !== notice.actorUserId);
  if (recipients.length === 0) return outcome;
  const subscriptions = await appDb().pushSubscription.findMany({
    where: { userId: { in: recipients }, user: { status: "ACTIVE" } },
    include: { user: { select: { locale: true } } },
  });
  for (const s of subscriptions) {
    const locale = s.user.locale;
    const result = await sendWebPush(s, {
      title: PUSH_TITLES[locale][target.kind],
      body: `${target.c.contact?.name || PUSH_VISITOR[locale]} · ${target.c.dealer.name}`,
      url: `/inbox?c=${target.c.id}`,
      tag: target.c.id,
    });
    outcome[result]++;
  }
  return outcome;
}
