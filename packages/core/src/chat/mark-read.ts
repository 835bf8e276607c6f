import { withTenant } from "@forecourt/db";
import { ZMarkRead } from "@forecourt/protocol";
import type { TReader } from "./list-messages";
import { conversationForAgent } from "./dealer-scope";
import { ForbiddenError, NotFoundError } from "../errors";
import { publishRead } from "./realtime";
import { enqueueReadReceipt, readReceiptTarget } from "../channels/send-read-receipt";

/** Records how far the reader has read (agents: per user; the visitor: on the conversation). */
export async function markRead(options: { reader: TReader; input: { conversationId: string; seq: number } }) {
  const { conversationId, seq } = ZMarkRead.parse(options.input);
  const { reader } = options;
  if ("agent" in reader) {
    const { agent } = reader;
    // Read markers are a person's; an API key reads without marking anything read.
    if (agent.kind !== "user") throw new ForbiddenError("forbidden", "An API key has no read marker");
    const { read, receipt } = await withTenant(agent.tenant.customerId, async (tx) => {
      const c = await conversationForAgent(tx, agent, conversationId);
      const upTo = Math.min(seq, c.lastSeq);
      const previous = await tx.conversationRead.findUnique({
        where: { conversationId_userId: { conversationId, userId: agent.userId } },
        select: { lastReadSeq: true },
      });
      await tx.$executeRaw`
        INSERT INTO "ConversationRead" ("customerId", "conversationId", "userId", "lastReadSeq", "updatedAt")
        VALUES (${agent.tenant.customerId}::uuid, ${conversationId}::uuid, ${agent.userId}::uuid, ${upTo}, now())
        ON CONFLICT ("conversationId", "userId")
        DO UPDATE SET "lastReadSeq" = GREATEST("ConversationRead"."lastReadSeq", EXCLUDED."lastReadSeq"), "updatedAt" = now()`;
      // Only reading something new acknowledges it to the customer (the job id dedupes the rest).
      const fresh = upTo > (previous?.lastReadSeq ?? 0);
      return { read: upTo, receipt: fresh ? await readReceiptTarget(tx, conversationId, upTo) : null };
    });
    publishRead(conversationId, read, "agent");
    if (receipt) await enqueueReadReceipt(agent.tenant.customerId, receipt);
    return read;
  }
  const { visitor } = reader;
  const read = await withTenant(visitor.customerId, async (tx) => {
    const c = await tx.conversation.findFirst({
      where: { id: conversationId, contactId: visitor.contactId, channelId: visitor.channelId },
    });
    if (!c) throw new NotFoundError("conversation");
    const upTo = Math.min(seq, c.lastSeq);
    if (upTo > c.contactReadSeq) await tx.conversation.update({ where: { id: c.id }, data: { contactReadSeq: upTo } });
    return Math.max(upTo, c.contactReadSeq);
  });
  publishRead(conversationId, read, "contact");
  return read;
}
