import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";

/** An approved template an agent may send on the conversation's channel. */
export type TChannelTemplate = {
  id: string;
  name: string;
  language: string;
  category: string;
  /** The BODY text with {{1}}, {{2}}… placeholders. */
  body: string;
  variableCount: number;
};

/**
 * LEAD: replace. The approved templates of the conversation's channel (WhatsApp), for the
 * composer's template picker. This placeholder does the access checks, then refuses with
 * `not_ready`.
 */
export async function listChannelTemplates(options: {
  agent: TTenantPrincipal;
  conversationId: string;
}): Promise<TChannelTemplate[]> {
  const { agent } = options;
  assertMay(agent, "conversations.reply");
  await withTenant(agent.tenant.customerId, (tx) => conversationForAgent(tx, agent, options.conversationId));
  throw new RuleError("not_ready", "Templates are not available yet.");
}
