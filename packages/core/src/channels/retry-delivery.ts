import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "../chat/dealer-scope";
import { NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";

/**
 * LEAD: replace. Sends a FAILED outbound channel message again (a new delivery job for its id).
 * This placeholder only does the access checks (so the inbox route and its isolation cases are
 * real) and then refuses with `not_ready`.
 */
export async function retryDelivery(options: { agent: TTenantPrincipal; messageId: string }): Promise<void> {
  const { agent } = options;
  assertMay(agent, "conversations.reply");
  await withTenant(agent.tenant.customerId, async (tx) => {
    const message = await tx.message.findUnique({
      where: { id: options.messageId },
      select: { conversationId: true },
    });
    if (!message) throw new NotFoundError("message");
    await conversationForAgent(tx, agent, message.conversationId);
  });
  throw new RuleError("not_ready", "Retrying a delivery is not available yet.");
}
