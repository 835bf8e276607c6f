import { fillTemplate } from "@forecourt/channels";
import { withTenant } from "@forecourt/db";
import { MAX_MESSAGE_LENGTH } from "@forecourt/protocol";
import { z } from "zod";
import { conversationForAgent } from "../chat/dealer-scope";
import { sendMessage, type TSendResult } from "../chat/send-message";
import { InvalidInputError, NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";

export const ZSendTemplate = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(8).max(64),
  templateId: z.uuid(),
  variables: z.array(z.string().trim().min(1, "fill in every variable").max(1024)).max(20).default([]),
});
export type TSendTemplate = z.input<typeof ZSendTemplate>;

/**
 * Sends an approved WhatsApp template (the only message allowed outside the 24-hour window).
 * The inbox shows the body with the variables filled; the delivery job sends name, language and
 * variables, which is what Meta checks against the approved text. Idempotent by clientId.
 */
export async function sendTemplateMessage(options: { agent: TTenantPrincipal } & TSendTemplate): Promise<TSendResult> {
  const { agent } = options;
  assertMay(agent, "conversations.reply");
  const input = ZSendTemplate.parse(options);
  const template = await withTenant(agent.tenant.customerId, async (tx) => {
    const conversation = await conversationForAgent(tx, agent, input.conversationId);
    return tx.messageTemplate.findFirst({
      where: { id: input.templateId, channelId: conversation.channelId, status: "APPROVED" },
    });
  });
  if (!template) throw new NotFoundError("template");
  if (input.variables.length !== template.variableCount)
    throw new InvalidInputError(`This template needs ${template.variableCount} variable(s).`, [
      { path: "variables", message: `expected ${template.variableCount}` },
    ]);
  return sendMessage({
    sender: { agent },
    input: {
      conversationId: input.conversationId,
      clientId: input.clientId,
      body: fillTemplate(template.body, input.variables).slice(0, MAX_MESSAGE_LENGTH),
    },
    data: { type: "template", name: template.name, language: template.language, variables: input.variables },
    template: true,
  });
}
