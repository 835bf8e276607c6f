import { withTenant, type TTx } from "@forecourt/db";
import { ZSendMessage, type TConversationSummary, type TMessageEvent, type TSendMessage } from "@forecourt/protocol";
import { randomUUID } from "node:crypto";
import { assertMay, type TTenantPrincipal, type TVisitorPrincipal } from "../principal";
import { NotFoundError, InvalidInputError, ForbiddenError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { authorsOf, MESSAGE_INCLUDE, toMessageEvent } from "./message-event";
import { publishConversation, publishMessage } from "./realtime";

export type TSender = { agent: TTenantPrincipal } | { visitor: TVisitorPrincipal };

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
  const customerId = "agent" in sender ? sender.agent.tenant.customerId : sender.visitor.customerId;
  if ("agent" in sender) assertMay(sender.agent, input.kind === "NOTE" ? "conversations.note" : "conversations.reply");
  if ("visitor" in sender && input.kind === "NOTE")
    throw new ForbiddenError("forbidden", "Visitors cannot write notes");
  if (!input.body && !options.attachment) throw new InvalidInputError("A message needs text or a file");

  const isVisitor = "visitor" in sender;
  const authorUserId = "agent" in sender ? sender.agent.userId : null;
  const dealerIds = "agent" in sender ? sender.agent.tenant.dealerIds : [];
  const kind = options.attachment ? "ATTACHMENT" : input.kind;
  const messageId = randomUUID();

  // One statement does the access check, the idempotency check, the seq increment (row lock),
  // the insert and the contact's engagement time; a few round trips per message, not a dozen.
  const run = () =>
    withTenant(customerId, async (tx) => {
      const [row] = await tx.$queryRaw<TSendRow[]>`
        WITH access AS (
          SELECT c."id", c."status" FROM "Conversation" c
           WHERE c."id" = ${input.conversationId}::uuid
             AND ((${isVisitor} AND c."contactId" = ${isVisitor ? sender.visitor.contactId : null}::uuid
                               AND c."channelId" = ${isVisitor ? sender.visitor.channelId : null}::uuid)
               OR (NOT ${isVisitor} AND (cardinality(${dealerIds}::uuid[]) = 0 OR c."dealerId" = ANY(${dealerIds}::uuid[]))))
        ), existing AS (
          SELECT m."id", m."seq", m."authorType" FROM "Message" m JOIN access a ON a."id" = m."conversationId"
           WHERE m."clientId" = ${input.clientId}
        ), conv AS (
          UPDATE "Conversation" c
             SET "lastSeq" = c."lastSeq" + 1,
                 "lastMessageAt" = CASE WHEN ${input.kind} = 'NOTE' THEN c."lastMessageAt" ELSE now() END,
                 "status" = CASE WHEN ${isVisitor} THEN 'OPEN'::"ConversationStatus" ELSE c."status" END,
                 "closedAt" = CASE WHEN ${isVisitor} THEN NULL ELSE c."closedAt" END,
                 "snoozedUntil" = CASE WHEN ${isVisitor} THEN NULL ELSE c."snoozedUntil" END
            FROM access a
           WHERE c."id" = a."id" AND NOT EXISTS (SELECT 1 FROM existing)
       RETURNING c."id", c."lastSeq", c."contactId", c."dealerId", c."departmentId", c."channelId", c."status",
                 c."assigneeId", c."lastMessageAt", a."status" AS "previousStatus"
        ), ins AS (
          INSERT INTO "Message" ("id", "customerId", "conversationId", "seq", "clientId", "authorType", "authorUserId", "kind", "body")
          SELECT ${messageId}::uuid, ${customerId}::uuid, conv."id", conv."lastSeq", ${input.clientId},
                 ${isVisitor ? "CONTACT" : "AGENT"}::"AuthorType", ${authorUserId}::uuid, ${kind}::"MessageKind", ${input.body}
            FROM conv
       RETURNING "id", "seq", "createdAt"
        ), touch AS (
          UPDATE "Contact" SET "lastEngagedAt" = now() FROM conv WHERE "Contact"."id" = conv."contactId" AND ${isVisitor}
        )
        SELECT EXISTS (SELECT 1 FROM access) AS "accessible",
               (SELECT row_to_json(e) FROM existing e) AS "existing",
               (SELECT row_to_json(x) FROM (
                  SELECT ins."seq", ins."createdAt", conv.*, ct."name" AS "contactName", ch."type" AS "channelType"
                    FROM ins, conv
                    JOIN "Contact" ct ON ct."id" = conv."contactId"
                    JOIN "Channel" ch ON ch."id" = conv."channelId") x) AS "created"`;
      if (!row?.accessible) throw new NotFoundError("conversation");
      if (row.existing) {
        if (isVisitor && row.existing.authorType !== "CONTACT") throw new InvalidInputError("clientId in use");
        const existing = await findByClientId(tx, input.conversationId, input.clientId);
        if (!existing) throw new NotFoundError("message");
        return { ...existing, duplicate: true };
      }
      const c = row.created;
      if (!c) throw new NotFoundError("conversation");
      const attachments = options.attachment
        ? [
            await tx.attachment.create({
              data: { customerId, messageId, ...options.attachment },
              select: { id: true, fileName: true, mimeType: true, sizeBytes: true },
            }),
          ]
        : [];
      const createdAt = new Date(c.createdAt);
      const event = toMessageEvent(
        {
          id: messageId,
          customerId,
          conversationId: c.id,
          seq: c.seq,
          clientId: input.clientId,
          authorType: isVisitor ? "CONTACT" : "AGENT",
          authorUserId,
          kind,
          body: input.body,
          createdAt,
          attachments,
        },
        new Map("agent" in sender ? [[sender.agent.userId, { name: sender.agent.name, avatarUrl: null }]] : []),
        c.contactName,
      );
      const reopened = c.previousStatus !== c.status;
      const summary: TConversationSummary | null =
        input.kind === "NOTE" && !reopened
          ? null
          : {
              id: c.id,
              dealerId: c.dealerId,
              departmentId: c.departmentId,
              channelType: c.channelType,
              status: c.status,
              assigneeId: c.assigneeId,
              contact: { id: c.contactId, name: c.contactName },
              lastSeq: c.lastSeq,
              lastMessageAt: new Date(c.lastMessageAt).toISOString(),
              preview: (input.body || attachments[0]?.fileName || "").slice(0, 140),
            };
      return { id: messageId, seq: c.seq, duplicate: false, event, summary };
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

type TSendRow = {
  accessible: boolean;
  existing: { id: string; seq: number; authorType: string } | null;
  created: {
    seq: number;
    createdAt: string;
    id: string;
    lastSeq: number;
    contactId: string;
    dealerId: string;
    departmentId: string | null;
    channelId: string;
    status: TConversationSummary["status"];
    assigneeId: string | null;
    lastMessageAt: string;
    previousStatus: TConversationSummary["status"];
    contactName: string | null;
    channelType: TConversationSummary["channelType"];
  } | null;
};
