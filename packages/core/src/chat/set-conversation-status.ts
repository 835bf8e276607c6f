import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { recordEvent } from "./record-event";

export const ZSetConversationStatus = z.discriminatedUnion("action", [
  z.object({ conversationId: z.uuid(), action: z.literal("close") }),
  z.object({ conversationId: z.uuid(), action: z.literal("reopen") }),
  z.object({ conversationId: z.uuid(), action: z.literal("snooze"), until: z.iso.datetime() }),
]);

/** Close, reopen or snooze a conversation. */
export async function setConversationStatus(options: {
  agent: TTenantPrincipal;
  input: z.input<typeof ZSetConversationStatus>;
}) {
  const { agent } = options;
  assertMay(agent, "conversations.manage");
  const input = ZSetConversationStatus.parse(options.input);
  const summary = await withTenant(agent.tenant.customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    const data =
      input.action === "close"
        ? { status: "CLOSED" as const, closedAt: new Date(), snoozedUntil: null }
        : input.action === "reopen"
          ? { status: "OPEN" as const, closedAt: null, snoozedUntil: null }
          : { status: "SNOOZED" as const, snoozedUntil: new Date(input.until) };
    await tx.conversation.update({ where: { id: c.id }, data });
    await recordEvent(tx, agent, c.id, input.action, input.action === "snooze" ? { until: input.until } : {});
    return conversationSummary(tx, c.id);
  });
  if (summary) publishConversation(summary);
  return summary;
}
