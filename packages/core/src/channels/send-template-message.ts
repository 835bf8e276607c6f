import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";

/** What the template picker sends: the template and one value per {{n}}, in order. */
export const ZSendTemplateMessage = z.object({
  conversationId: z.uuid(),
  /** The idempotency key, as for any message. */
  clientId: z.string().min(8).max(64),
  templateId: z.uuid(),
  variables: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
});
export type TSendTemplateMessage = z.input<typeof ZSendTemplateMessage>;

/**
 * LEAD: replace. Sends an approved template (the only thing WhatsApp accepts outside the 24-hour
 * window) through the same seq/idempotency path as a reply, then the delivery job. This
 * placeholder does the access checks, then refuses with `not_ready`.
 */
export async function sendTemplateMessage(
  options: { agent: TTenantPrincipal } & TSendTemplateMessage,
): Promise<{ id: string; seq: number }> {
  const { agent } = options;
  assertMay(agent, "conversations.reply");
  const input = ZSendTemplateMessage.parse(options);
  await withTenant(agent.tenant.customerId, (tx) => conversationForAgent(tx, agent, input.conversationId));
  throw new RuleError("not_ready", "Sending templates is not available yet.");
}
