import type { z } from "zod";
import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { recordEvent } from "../chat/record-event";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { ZSetConversationLabel } from "./label-input";

/**
 * Puts a label on a conversation or takes it off (activity "labelled" / "unlabelled", with the
 * label's name so the timeline still reads after a rename or delete). The label must be the
 * conversation's dealer's or a shared one; anything else is "not found". Doing what is already
 * so changes nothing and records nothing.
 */
export async function setConversationLabel(options: {
  agent: TTenantActor;
  input: z.input<typeof ZSetConversationLabel>;
}) {
  const { agent } = options;
  assertMay(agent, "conversations.assign");
  const input = ZSetConversationLabel.parse(options.input);
  const { customerId } = agent.tenant;
  const summary = await withTenant(customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, input.conversationId);
    const label = await tx.label.findFirst({
      where: { id: input.labelId, customerId, OR: [{ dealerId: null }, { dealerId: c.dealerId }] },
    });
    if (!label) throw new NotFoundError("label");
    let changed: boolean;
    if (input.action === "add") {
      const r = await tx.conversationLabel.createMany({
        data: [{ customerId, conversationId: c.id, labelId: label.id }],
        skipDuplicates: true,
      });
      changed = r.count > 0;
    } else {
      const r = await tx.conversationLabel.deleteMany({ where: { conversationId: c.id, labelId: label.id } });
      changed = r.count > 0;
    }
    if (!changed) return null;
    await recordEvent(tx, agent, c.id, input.action === "add" ? "labelled" : "unlabelled", {
      labelId: label.id,
      name: label.name,
      color: label.color,
    });
    return conversationSummary(tx, c.id);
  });
  if (summary) publishConversation(summary);
  return { changed: summary !== null };
}
