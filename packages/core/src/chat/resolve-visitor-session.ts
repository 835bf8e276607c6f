import { withTenant } from "@forecourt/db";
import type { TVisitorPrincipal } from "../principal";
import { parseVisitorToken } from "./keys";

/**
 * The visitor principal a widget token stands for; null for an unknown or malformed token or a
 * disabled channel. `ip`: the client address as the transport determined it.
 */
export async function resolveVisitorSession(options: {
  token: string;
  ip?: string | null;
}): Promise<TVisitorPrincipal | null> {
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
      kind: "visitor" as const,
      sessionId: session.id,
      customerId: session.customerId,
      channelId: session.channelId,
      contactId: session.contactId,
      dealerId: channel.dealerId,
      ip: options.ip ?? null,
    };
  });
}

/** The visitor's conversations on this channel, newest first (returning visitors continue the latest). */
export async function listVisitorConversations(visitor: TVisitorPrincipal) {
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
