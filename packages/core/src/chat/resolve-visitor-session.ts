import { withTenant } from "@forecourt/db";
import { parseVisitorToken } from "./keys";

/** A website visitor acting through the widget: one contact on one widget channel. */
export type TVisitor = {
  sessionId: string;
  customerId: string;
  channelId: string;
  contactId: string;
  dealerId: string;
};

/** The visitor a widget token stands for; null for an unknown token or a disabled channel. */
export async function resolveVisitorSession(options: { token: string }): Promise<TVisitor | null> {
  const parsed = parseVisitorToken(options.token);
  if (!parsed) return null;
  return withTenant(parsed.customerId, async (tx) => {
    const session = await tx.visitorSession.findUnique({ where: { tokenHash: parsed.tokenHash } });
    if (!session) return null;
    const channel = await tx.channel.findUnique({ where: { id: session.channelId } });
    if (!channel || channel.status !== "ACTIVE") return null;
    const customer = await tx.customer.findUnique({ where: { id: session.customerId }, select: { status: true } });
    if (!customer || !["ACTIVE", "PENDING"].includes(customer.status)) return null;
    if (Date.now() - session.lastSeenAt.getTime() > 3_600_000) {
      await tx.visitorSession.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
    }
    return {
      sessionId: session.id,
      customerId: session.customerId,
      channelId: session.channelId,
      contactId: session.contactId,
      dealerId: channel.dealerId,
    };
  });
}

/** The visitor's conversations on this channel, newest first (returning visitors continue the latest). */
export async function listVisitorConversations(visitor: TVisitor) {
  const rows = await withTenant(visitor.customerId, (tx) =>
    tx.conversation.findMany({
      where: { contactId: visitor.contactId, channelId: visitor.channelId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        lastSeq: true,
        contactReadSeq: true,
        reads: { select: { lastReadSeq: true } },
      },
      take: 20,
    }),
  );
  // "Seen" in the widget: how far any agent has read (never who).
  return rows.map(({ reads, ...c }) => ({ ...c, agentReadSeq: Math.max(0, ...reads.map((r) => r.lastReadSeq)) }));
}
