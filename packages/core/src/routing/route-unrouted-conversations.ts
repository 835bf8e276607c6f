import { withSystemAccess } from "@forecourt/db";
import { routeConversation } from "./route-conversation";

/** A routing job is given this long (after the conversation was created) before the sweep takes over. */
const GRACE_MS = 20_000;
/** Older conversations are not routed any more (a rule firing a day late would surprise everyone). */
const MAX_AGE_MS = 3_600_000;

/**
 * The sweep, every 30 seconds: conversations whose contact wrote but whose routing job never ran
 * (Redis was down when it was enqueued). Each is routed by routeConversation, whose claim on
 * routedAt keeps a conversation from being routed twice when the job runs after all.
 */
export async function routeUnroutedConversations(now = new Date()): Promise<{ routed: number }> {
  const due = await withSystemAccess({ job: "inbox.routing-sweep" }, (tx) =>
    tx.conversation.findMany({
      where: {
        routedAt: null,
        createdAt: { lte: new Date(now.getTime() - GRACE_MS), gte: new Date(now.getTime() - MAX_AGE_MS) },
        messages: { some: { authorType: "CONTACT" } },
      },
      select: { id: true, customerId: true },
      take: 200,
    }),
  );
  let routed = 0;
  for (const c of due) {
    if (await routeConversation({ customerId: c.customerId, conversationId: c.id, trigger: "started" })) routed += 1;
  }
  return { routed };
}
