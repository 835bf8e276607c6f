import { withTenant, Prisma } from "@forecourt/db";
import { queue } from "@forecourt/jobs";
import { deliverMessageJob, deliveryJobId } from "@forecourt/jobs/channel-jobs";
import type { TMessageEvent } from "@forecourt/protocol";
import { conversationForAgent } from "../chat/dealer-scope";
import { messageEventById, messageContentOf } from "../chat/message-event";
import { publishMessageUpdate } from "../chat/realtime";
import { NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { checkAgentMayWrite } from "./check-agent-may-write";
import { enqueueDelivery } from "./enqueue-delivery";

/**
 * "Retry" on a message that failed to reach WhatsApp or Messenger: back to QUEUED and a fresh
 * delivery job (the old job, finished, is removed first so the job id can be reused). The same
 * rules as a new reply apply: channel enabled, reply window open unless it is a template.
 */
export async function retryDelivery(options: { agent: TTenantPrincipal; messageId: string }): Promise<TMessageEvent> {
  const { agent } = options;
  assertMay(agent, "conversations.reply");
  const event = await withTenant(agent.tenant.customerId, async (tx) => {
    const message = await tx.message.findUnique({ where: { id: options.messageId } });
    if (!message || message.authorType === "CONTACT") throw new NotFoundError("message");
    await conversationForAgent(tx, agent, message.conversationId);
    if (message.deliveryStatus !== "FAILED")
      throw new RuleError("not_failed", "Only a message that failed can be sent again.");
    await checkAgentMayWrite(tx, message.conversationId, {
      template: messageContentOf(message.data)?.type === "template",
    });
    await tx.message.update({
      where: { id: message.id },
      data: { deliveryStatus: "QUEUED", deliveryError: Prisma.DbNull, deliveryAt: null, awaitingJob: true },
    });
    return messageEventById(tx, message.id);
  });
  if (!event) throw new NotFoundError("message");
  await queue(deliverMessageJob.queue)
    .getJob(deliveryJobId(event.id))
    .then((job) => job?.remove())
    .catch(() => undefined);
  await enqueueDelivery(agent.tenant.customerId, event.id);
  publishMessageUpdate(event);
  return event;
}
