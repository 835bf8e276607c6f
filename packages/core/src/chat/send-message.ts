import { withTenant, type TTx } from "@forecourt/db";
import { ZSendMessage, type TConversationSummary, type TMessageEvent, type TSendMessage } from "@forecourt/protocol";
import { assertAgentCan, ChatError, conversationForAgent, NotFoundError, type TAgent } from "./agent";
import { authorsOf, conversationSummary, MESSAGE_INCLUDE, toMessageEvent } from "./message-event";
import { publishConversation, publishMessage } from "./realtime";
import type { TVisitor } from "./resolve-visitor-session";

export type TSender = { agent: TAgent } | { visitor: TVisitor };

export type TSendResult = { id: string; seq: number; duplicate: boolean; event: TMessageEvent };

type TAttachmentInput = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

/**
 * Sends a message (DESIGN.md real-time protocol, step 1). One transaction: lock the
 * conversation row and take the next seq (`UPDATE … SET "lastSeq" = "lastSeq" + 1 RETURNING`),
 * insert the message, commit; only then publish. A resend with the same clientId writes
 * nothing and returns the first ack: the unique (conversationId, clientId) decides it, even
 * when two copies race (the loser's transaction rolls back, including its seq, so seqs stay
 * gap-free, and it then reads the winner's row).
 */
export async function sendMessage(options: {
  sender: TSender;
  input: TSendMessage;
  attachment?: TAttachmentInput;
  /** Publish to sockets after commit (default true). */
  publish?: boolean;
}): Promise<TSendResult> {
  const input = ZSendMessage.parse(options.input);
  const { sender } = options;
  const customerId = "agent" in sender ? sender.agent.customerId : sender.visitor.customerId;
  if ("agent" in sender)
    assertAgentCan(sender.agent, input.kind === "NOTE" ? "conversations.note" : "conversations.reply");
  if ("visitor" in sender && input.kind === "NOTE") throw new ChatError("forbidden", "Visitors cannot write notes");
  if (!input.body && !options.attachment) throw new ChatError("invalid_payload", "A message needs text or a file");

  const run = () =>
    withTenant(customerId, async (tx) => {
      const conversation =
        "agent" in sender
          ? await conversationForAgent(tx, sender.agent, input.conversationId)
          : await tx.conversation.findFirst({
              where: {
                id: input.conversationId,
                contactId: sender.visitor.contactId,
                channelId: sender.visitor.channelId,
              },
            });
      if (!conversation) throw new NotFoundError("conversation");
      const existing = await findByClientId(tx, input.conversationId, input.clientId);
      if (existing) {
        if ("visitor" in sender && existing.event.authorType !== "CONTACT")
          throw new ChatError("invalid_payload", "clientId in use");
        return { ...existing, duplicate: true };
      }

      // A visitor writing again reopens a closed or snoozed conversation.
      const reopen = "visitor" in sender && conversation.status !== "OPEN";
      const [row] = await tx.$queryRaw<{ lastSeq: number }[]>`
        UPDATE "Conversation"
           SET "lastSeq" = "lastSeq" + 1,
               "lastMessageAt" = CASE WHEN ${input.kind} = 'NOTE' THEN "lastMessageAt" ELSE now() END,
               "status" = CASE WHEN ${reopen} THEN 'OPEN'::"ConversationStatus" ELSE "status" END,
               "closedAt" = CASE WHEN ${reopen} THEN NULL ELSE "closedAt" END,
               "snoozedUntil" = CASE WHEN ${reopen} THEN NULL ELSE "snoozedUntil" END
         WHERE "id" = ${conversation.id}::uuid
     RETURNING "lastSeq"`;
      if (!row) throw new NotFoundError("conversation");

      const message = await tx.message.create({
        data: {
          customerId,
          conversationId: conversation.id,
          seq: row.lastSeq,
          clientId: input.clientId,
          authorType: "agent" in sender ? "AGENT" : "CONTACT",
          authorUserId: "agent" in sender ? sender.agent.userId : null,
          kind: options.attachment ? "ATTACHMENT" : input.kind,
          body: input.body,
          ...(options.attachment ? { attachments: { create: { customerId, ...options.attachment } } } : {}),
        },
        include: MESSAGE_INCLUDE,
      });
      if ("visitor" in sender) {
        await tx.contact.update({ where: { id: conversation.contactId }, data: { lastEngagedAt: message.createdAt } });
      }
      const contact = await tx.contact.findUnique({ where: { id: conversation.contactId }, select: { name: true } });
      const event = toMessageEvent(message, await authorsOf(tx, [message]), contact?.name ?? null);
      const summary = input.kind === "NOTE" && !reopen ? null : await conversationSummary(tx, conversation.id);
      return { id: message.id, seq: message.seq, duplicate: false, event, summary };
    });

  let result: {
    id: string;
    seq: number;
    duplicate: boolean;
    event: TMessageEvent;
    summary?: TConversationSummary | null;
  };
  try {
    result = await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent copy with the same clientId won: return its ack.
    result = await withTenant(customerId, async (tx) => {
      const existing = await findByClientId(tx, input.conversationId, input.clientId);
      if (!existing) throw error;
      return { ...existing, duplicate: true };
    });
  }

  if (!result.duplicate && options.publish !== false) {
    publishMessage(result.event, result.event);
    if (result.summary) publishConversation(result.summary);
  }
  return { id: result.id, seq: result.seq, duplicate: result.duplicate, event: result.event };
}

async function findByClientId(tx: TTx, conversationId: string, clientId: string) {
  const message = await tx.message.findUnique({
    where: { conversationId_clientId: { conversationId, clientId } },
    include: { ...MESSAGE_INCLUDE, conversation: { select: { contact: { select: { name: true } } } } },
  });
  if (!message) return null;
  const event = toMessageEvent(message, await authorsOf(tx, [message]), message.conversation.contact.name);
  return { id: message.id, seq: message.seq, event };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
