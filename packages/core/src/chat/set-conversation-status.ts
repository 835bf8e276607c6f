import { z } from "zod";
import { withTenant, type TTx } from "@forecourt/db";
import { InvalidInputError, RuleError } from "../errors";
import { snoozePresetTime, snoozeUntilProblem, ZSnoozePreset } from "./snooze-times";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantActor } from "../principal";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { recordEvent } from "./record-event";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";
import { sendClosingMessage } from "../csat/send-closing-message";

/** What an agent does to a conversation's status (the web handler reuses these options). */
export const ZConversationStatusAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reopen") }),
  z.object({
    action: z.literal("snooze"),
    /** A preset, computed in the dealer's time zone, or an exact time the agent picked. */
    until: z.union([ZSnoozePreset, z.iso.datetime({ offset: true })]),
  }),
]);

export const ZSetConversationStatus = z.intersection(z.object({ conversationId: z.uuid() }), ZConversationStatusAction);

/** A preset in the dealer's time zone, or the picked time; refused when past or too far. */
async function snoozeUntil(tx: TTx, dealerId: string, until: string, now: Date): Promise<Date> {
  const preset = ZSnoozePreset.safeParse(until);
  let at: Date;
  if (preset.success) {
    const dealer = await tx.dealer.findUnique({ where: { id: dealerId }, select: { timeZone: true } });
    at = snoozePresetTime(preset.data, dealer?.timeZone ?? "Europe/Amsterdam", now);
  } else at = new Date(until);
  const problem = snoozeUntilProblem(at, now);
  if (problem) throw new InvalidInputError(problem, [{ path: "until", message: problem }]);
  return at;
}

/** Close, reopen or snooze (until a preset or a picked time; the wake-up job reopens it) a conversation. */
export async function setConversationStatus(options: {
  agent: TTenantActor;
  input: z.input<typeof ZSetConversationStatus>;
  now?: Date;
}) {
  const { agent, now = new Date() } = options;
  assertMay(agent, "conversations.manage");
  const input = ZSetConversationStatus.parse(options.input);
  let closedNow = false;
  const summary = await withTenant(agent.tenant.customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    closedNow = input.action === "close" && c.status !== "CLOSED";
    let data;
    if (input.action === "close") data = { status: "CLOSED" as const, closedAt: new Date(), snoozedUntil: null };
    else if (input.action === "reopen") data = { status: "OPEN" as const, closedAt: null, snoozedUntil: null };
    else {
      if (c.status === "CLOSED") throw new RuleError("conversation_closed", "Reopen the conversation to snooze it.");
      const until = await snoozeUntil(tx, c.dealerId, input.until, now);
      data = { status: "SNOOZED" as const, snoozedUntil: until };
    }
    await tx.conversation.update({ where: { id: c.id }, data });
    await recordWebhookEvent(tx, agent.tenant.customerId, {
      type: "conversation.status_changed",
      conversationId: c.id,
    });
    await recordEvent(
      tx,
      agent,
      c.id,
      input.action,
      input.action === "snooze" ? { until: data.snoozedUntil?.toISOString() } : {},
    );
    return conversationSummary(tx, c.id);
  });
  if (summary) publishConversation(summary);
  // Closing tells the contact, with the rating and transcript link (closing twice says it once).
  if (closedNow) await sendClosingMessage(agent.tenant.customerId, input.conversationId);
  return summary;
}
