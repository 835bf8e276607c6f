import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { assertMay, type TTenantPrincipal } from "../principal";

export type TTemplateChoice = {
  id: string;
  name: string;
  language: string;
  category: string;
  body: string;
  variableCount: number;
};

/** The approved templates an agent may send on this conversation's channel (WhatsApp; none elsewhere). */
export async function listChannelTemplates(options: {
  agent: TTenantPrincipal;
  conversationId: string;
}): Promise<TTemplateChoice[]> {
  assertMay(options.agent, "conversations.reply");
  return withTenant(options.agent.tenant.customerId, async (tx) => {
    const conversation = await conversationForAgent(tx, options.agent, options.conversationId);
    return tx.messageTemplate.findMany({
      where: { customerId: options.agent.tenant.customerId, channelId: conversation.channelId, status: "APPROVED" },
      orderBy: [{ name: "asc" }, { language: "asc" }],
      select: { id: true, name: true, language: true, category: true, body: true, variableCount: true },
    });
  });
}
