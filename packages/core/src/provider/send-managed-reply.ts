import { withProviderAccess } from "@forecourt/db";
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "@forecourt/protocol";
import { sendMessage, type TSendResult } from "../chat/send-message";
import { assertProvider, type TUserPrincipal } from "../principal";
import { managedAgentInTenant, managedConversation } from "./managed-agent-principal";

export const ZSendManagedReply = z.object({
  conversationId: z.uuid(),
  clientId: z.string().min(8).max(64),
  body: z.string("Write a reply first").trim().min(1, "Write a reply first").max(MAX_MESSAGE_LENGTH),
});
export type TSendManagedReply = z.input<typeof ZSendManagedReply>;

/**
 * A managed agent answers a Plus customer's conversation from the provider console (L 1
 * "Plus"): the tier is checked under provider access (audited), then the reply goes through
 * sendMessage in that tenant like any agent's, stored with authorType MANAGED_AGENT so the
 * customer's inbox shows it as the provider's. Idempotent by clientId like every send.
 */
export async function sendManagedReply(options: {
  actor: TUserPrincipal;
  input: TSendManagedReply;
}): Promise<TSendResult> {
  assertProvider(options.actor, "provider.managed_queue.reply");
  const input = ZSendManagedReply.parse(options.input);
  const customerId = await withProviderAccess(
    {
      actorUserId: options.actor.userId,
      reason: `managed queue: reply to conversation ${input.conversationId}`,
      ip: options.actor.ip,
    },
    async (tx) => (await managedConversation(tx, input.conversationId)).customerId,
  );
  return sendMessage({
    sender: { agent: managedAgentInTenant(options.actor, customerId) },
    input: { conversationId: input.conversationId, clientId: input.clientId, body: input.body, kind: "TEXT" },
  });
}
