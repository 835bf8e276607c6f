import type { TTx } from "@forecourt/db";
import { InvalidInputError } from "../errors";
import type { TTenantActor } from "../principal";
import { conversationForAgent } from "./dealer-scope";

/**
 * Who a message from the dealer's side is by: a teammate (AGENT), the provider's managed agent
 * answering for a Plus customer (MANAGED_AGENT), or the customer's integration (BOT).
 */
export type TDealerAuthor = { type: "AGENT" | "MANAGED_AGENT" | "BOT"; userId: string | null; name: string | null };

/**
 * The author of a message written by a tenant actor. A signed-in user writes as themselves. An
 * API key writes as the bot, or as a teammate it names (`asUserId`): an active member of the
 * tenant whose own dealer scope covers the conversation, so a key cannot put words in the mouth
 * of someone who could not have written them.
 */
export async function dealerAuthor(
  tx: TTx,
  actor: TTenantActor,
  conversationId: string,
  asUserId: string | undefined,
): Promise<TDealerAuthor> {
  if (actor.kind === "user") {
    if (asUserId && asUserId !== actor.userId) throw new InvalidInputError("Only API keys may write as a teammate");
    // A managed agent holds no membership here (role null): provider/send-managed-reply.ts built
    // this principal after checking the customer is on Plus.
    const managed = actor.tenant.role === null && actor.providerRole === "MANAGED_AGENT";
    return { type: managed ? "MANAGED_AGENT" : "AGENT", userId: actor.userId, name: actor.name };
  }
  if (!asUserId) return { type: "BOT", userId: null, name: null };
  const conversation = await conversationForAgent(tx, actor, conversationId);
  const member = await tx.membership.findFirst({
    where: { customerId: actor.tenant.customerId, userId: asUserId, status: "ACTIVE" },
    include: { dealerScope: true, user: { select: { name: true } } },
  });
  const inScope =
    member && (member.dealerScope.length === 0 || member.dealerScope.some((d) => d.dealerId === conversation.dealerId));
  if (!member || !inScope) throw new InvalidInputError("That teammate cannot write in this dealer's conversations");
  return { type: "AGENT", userId: asUserId, name: member.user.name };
}
