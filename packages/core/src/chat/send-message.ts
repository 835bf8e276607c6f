import { withTenant, type Prisma, type TTx } from "@forecourt/db";
import { ZSendMessage, type TConversationSummary, type TMessageEvent, type TSendMessage } from "@forecourt/protocol";
import { randomUUID } from "node:crypto";
import { assertMay, type TChannelPrincipal, type TTenantActor, type TVisitorPrincipal } from "../principal";
import { dealerAuthor } from "./message-author";
import { NotFoundError, InvalidInputError, ForbiddenError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { checkAgentMayWrite } from "../channels/check-agent-may-write";
import { enqueueDelivery } from "../channels/enqueue-delivery";
import { enqueueRouting } from "../routing/enqueue-routing";
import { enqueueBotReply } from "../bots/enqueue-bot-reply";
import { authorsOf, MESSAGE_INCLUDE, toMessageEvent } from "./message-event";
import { publishConversation, publishMessage } from "./realtime";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";

/**
 * Who writes: an agent; a website visitor; or a channel (a verified webhook) writing for the
 * contact it resolved. Visitors and channels write as the contact, on their own conversation only.
 */
/** `asUserId`: an API key writing as a named teammate (else as the bot); see message-author.ts. */
export type TPersonSender = { agent: TTenantActor; asUserId?: string } | { visitor: TVisitorPrincipal };
/**
 * The platform writing by itself (an away message, a greeting, a keyword answer, a routing rule's
 * auto-reply, a bot): authorType BOT, no user, on the conversation its caller picked (callers
 * are core use cases that already hold it, never a request). Use sendAutomaticReply.
 */
export type TAutomationSender = { customerId: string };
export type TSender =
  TPersonSender | { channel: TChannelPrincipal; contactId: string } | { automation: TAutomationSender };

export type TSendResult = { id: string; seq: number; duplicate: boolean; event: TMessageEvent };

type TAttachmentInput = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

export type TSendOptions = {
  sender: TSender;
  input: TSendMessage;
  attachment?: TAttachmentInput;
  /** Publish to sockets after commit (default true). */
  publish?: boolean;
  /** Channel messages: the outside id (wamid, mid), the structured content, when the contact wrote. */
  externalId?: string;
  data?: Prisma.InputJsonValue;
  inboundAt?: Date;
  /** A WhatsApp template may be sent when the reply window is closed. */
  template?: boolean;
  /** A job must still run for it (an inbound file to download). Replies on delivered channels always wait for one. */
  awaitingJob?: boolean;
  /** A visitor's answers to a lead form (submit-lead-form.ts): kind FORM. */
  formResult?: boolean;
};

/** What one append wrote, before it is published (a duplicate wrote nothing). */
export type TAppended = {
  id: string;
  seq: number;
  duplicate: boolean;
  event: TMessageEvent;
  summary?: TConversationSummary | null;
  queued?: boolean;
  /** The contact wrote to a conversation the routing rules have not seen yet: afterAppend enqueues them. */
  route?: { conversationId: string };
  /** The contact wrote to a conversation a bot handles: afterAppend enqueues its answer. */
  bot?: { conversationId: string; messageId: string };
};

/**
 * Sends a message (DESIGN.md real-time protocol, step 1). One transaction: lock the
 * conversation row and take the next seq (`UPDATE … SET "lastSeq" = "lastSeq" + 1 RETURNING`),
 * insert the message, commit; only then publish. A resend with the same clientId writes
 * nothing and returns the first ack: the unique (conversationId, clientId) decides it, even
 * when two copies race (the loser's transaction rolls back, including its seq, so seqs stay
 * gap-free, and it then reads the winner's row).
 */
export async function sendMessage(options: TSendOptions): Promise<TSendResult> {
  const customerId = customerOfSender(options.sender);
  let result: TAppended;
  try {
    result = await withTenant(customerId, (tx) => appendMessage(tx, options));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const input = ZSendMessage.parse(options.input);
    // A concurrent copy with the same clientId won: return its ack.
    result = await withTenant(customerId, async (tx) => {
      const existing = await findByClientId(tx, input.conversationId, input.clientId);
      if (!existing) throw error;
      return { ...existing, duplicate: true };
    });
  }
  await afterAppend(customerId, result, options.publish !== false);
  return { id: result.id, seq: result.seq, duplicate: result.duplicate, event: result.event };
}

function customerOfSender(sender: TSender): string {
  return "agent" in sender
    ? sender.agent.tenant.customerId
    : "visitor" in sender
      ? sender.visitor.customerId
      : "automation" in sender
        ? sender.automation.customerId
        : sender.channel.customerId;
}

/** After commit: the delivery job for a channel reply, then the sockets (DESIGN.md step 2). */
export async function afterAppend(customerId: string, result: TAppended, publish = true): Promise<void> {
  if (result.queued) await enqueueDelivery(customerId, result.id);
  if (result.route) await enqueueRouting(customerId, result.route.conversationId, "started");
  if (result.bot) await enqueueBotReply(customerId, result.bot.conversationId, result.bot.messageId);
  if (!result.duplicate && publish) {
    publishMessage(result.event, result.event);
    if (result.summary) publishConversation(result.summary);
  }
}

/**
 * The append itself, in the caller's transaction (sendMessage's own, or a batch of channel
 * messages written together). Publishing is the caller's job, after commit (afterAppend).
 */
export async function appendMessage(tx: TTx, options: TSendOptions): Promise<TAppended> {
  const input = ZSendMessage.parse(options.input);
  const { sender } = options;
  const customerId = customerOfSender(sender);
  if ("agent" in sender) assertMay(sender.agent, input.kind === "NOTE" ? "conversations.note" : "conversations.reply");
  if (!("agent" in sender) && input.kind === "NOTE") throw new ForbiddenError("forbidden", "Only agents write notes");
  const automated = "automation" in sender;
  if (!input.body && !options.attachment) throw new InvalidInputError("A message needs text or a file");

  // The contact's side (a widget visitor or a channel webhook): own conversation only, reopens it.
  const isVisitor = !("agent" in sender) && !automated;
  const contactId = "visitor" in sender ? sender.visitor.contactId : "channel" in sender ? sender.contactId : null;
  const channelId =
    "visitor" in sender ? sender.visitor.channelId : "channel" in sender ? sender.channel.channelId : null;
  const inboundAt = "channel" in sender ? (options.inboundAt ?? new Date()) : null;
  const data = options.data === undefined ? null : JSON.stringify(options.data);
  const author = "agent" in sender ? await dealerAuthor(tx, sender.agent, input.conversationId, sender.asUserId) : null;
  const authorUserId = author?.userId ?? null;
  const authorType = automated ? "BOT" : (author?.type ?? "CONTACT");
  const dealerIds = "agent" in sender ? sender.agent.tenant.dealerIds : [];
  const kind = options.attachment ? "ATTACHMENT" : options.formResult ? "FORM" : input.kind;
  const messageId = randomUUID();

  // One statement does the access check, the idempotency check, the seq increment (row lock),
  // the insert and the contact's engagement time; a few round trips per message, not a dozen.
  // Replies on WhatsApp/Messenger: the channel must be on and its reply window open; the
  // message then waits for the delivery job (QUEUED).
  const deliveryStatus =
    ("agent" in sender || automated) && input.kind !== "NOTE"
      ? await checkAgentMayWrite(tx, input.conversationId, { template: options.template === true })
      : null;
  const [row] = await tx.$queryRaw<TSendRow[]>`
    WITH access AS (
      SELECT c."id", c."status" FROM "Conversation" c
       WHERE c."id" = ${input.conversationId}::uuid
         AND ((${isVisitor} AND c."contactId" = ${contactId}::uuid
                           AND c."channelId" = ${channelId}::uuid)
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
             "snoozedUntil" = CASE WHEN ${isVisitor} THEN NULL ELSE c."snoozedUntil" END,
             -- Only forward, never in the future: webhooks arrive out of order, and clocks differ.
             "lastInboundAt" = CASE WHEN ${inboundAt}::timestamptz IS NULL THEN c."lastInboundAt"
                                   ELSE GREATEST(c."lastInboundAt", LEAST(${inboundAt}::timestamptz, now())) END
        FROM access a
       WHERE c."id" = a."id" AND NOT EXISTS (SELECT 1 FROM existing)
   RETURNING c."id", c."lastSeq", c."contactId", c."dealerId", c."departmentId", c."channelId", c."status",
             c."assigneeId", c."lastMessageAt", c."routedAt", c."botId", a."status" AS "previousStatus"
    ), ins AS (
      INSERT INTO "Message" ("id", "customerId", "conversationId", "seq", "clientId", "authorType", "authorUserId", "kind", "body",
                             "externalId", "data", "deliveryStatus", "awaitingJob")
      SELECT ${messageId}::uuid, ${customerId}::uuid, conv."id", conv."lastSeq", ${input.clientId},
             ${authorType}::"AuthorType", ${authorUserId}::uuid, ${kind}::"MessageKind", ${input.body},
             ${options.externalId ?? null}, ${data}::jsonb, ${deliveryStatus}::"DeliveryStatus",
             ${deliveryStatus === "QUEUED" || options.awaitingJob === true}
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
  if (kind !== "NOTE")
    await recordWebhookEvent(tx, customerId, { type: "message.created", conversationId: c.id, messageId });
  const createdAt = new Date(c.createdAt);
  const event = toMessageEvent(
    {
      id: messageId,
      customerId,
      conversationId: c.id,
      seq: c.seq,
      clientId: input.clientId,
      authorType,
      authorUserId,
      kind,
      body: input.body,
      createdAt,
      attachments,
      data: options.data ?? null,
      deliveryStatus,
    },
    new Map(author?.userId && author.name ? [[author.userId, { name: author.name, avatarUrl: null }]] : []),
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
  const route = isVisitor && c.routedAt === null ? { conversationId: c.id } : undefined;
  // Before routing ran, routing hands the first message to a bot itself (route-conversation.ts).
  const bot = isVisitor && c.routedAt !== null && c.botId !== null ? { conversationId: c.id, messageId } : undefined;
  return {
    id: messageId,
    seq: c.seq,
    duplicate: false,
    event,
    summary,
    queued: deliveryStatus === "QUEUED",
    route,
    bot,
  };
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
    routedAt: string | null;
    botId: string | null;
    previousStatus: TConversationSummary["status"];
    contactName: string | null;
    channelType: TConversationSummary["channelType"];
  } | null;
};
