import { withTenant, type TTx } from "@forecourt/db";
import type { TMessageEvent } from "@forecourt/protocol";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantActor, type TVisitorPrincipal } from "../principal";
import { NotFoundError } from "../errors";
import { authorsOf, MESSAGE_INCLUDE, toMessageEvent } from "./message-event";

export const PAGE_SIZE = 50;
const CATCH_UP_LIMIT = 500;

export type TReader = { agent: TTenantActor } | { visitor: TVisitorPrincipal };

async function readable(tx: TTx, reader: TReader, conversationId: string) {
  if ("agent" in reader) {
    assertMay(reader.agent, "inbox.view");
    return conversationForAgent(tx, reader.agent, conversationId);
  }
  const conversation = await tx.conversation.findFirst({
    where: { id: conversationId, contactId: reader.visitor.contactId, channelId: reader.visitor.channelId },
  });
  if (!conversation) throw new NotFoundError("conversation");
  return conversation;
}

async function load(
  tx: TTx,
  reader: TReader,
  conversationId: string,
  where: object,
  order: "asc" | "desc",
  take: number,
) {
  const conversation = await readable(tx, reader, conversationId);
  const rows = await tx.message.findMany({
    where: {
      conversationId,
      ...where,
      // Private notes never reach the visitor, whatever the client asks for.
      ...("visitor" in reader ? { kind: { not: "NOTE" as const } } : {}),
    },
    orderBy: { seq: order },
    take,
    include: MESSAGE_INCLUDE,
  });
  const contact = await tx.contact.findUnique({ where: { id: conversation.contactId }, select: { name: true } });
  const authors = await authorsOf(tx, rows);
  const events = rows.map((r) => toMessageEvent(r, authors, contact?.name ?? null));
  return order === "desc" ? events.reverse() : events;
}

/** Catch-up (DESIGN.md step 3): every message after `afterSeq`, oldest first, from PostgreSQL. */
export async function listMessagesAfter(options: {
  reader: TReader;
  conversationId: string;
  afterSeq: number;
}): Promise<TMessageEvent[]> {
  const customerId =
    "agent" in options.reader ? options.reader.agent.tenant.customerId : options.reader.visitor.customerId;
  return withTenant(customerId, (tx) =>
    load(tx, options.reader, options.conversationId, { seq: { gt: options.afterSeq } }, "asc", CATCH_UP_LIMIT),
  );
}

/** History paging: the page of messages before `beforeSeq` (or the latest page), oldest first. */
export async function listMessagesBefore(options: {
  reader: TReader;
  conversationId: string;
  beforeSeq?: number;
  take?: number;
}): Promise<TMessageEvent[]> {
  const customerId =
    "agent" in options.reader ? options.reader.agent.tenant.customerId : options.reader.visitor.customerId;
  const where = options.beforeSeq ? { seq: { lt: options.beforeSeq } } : {};
  return withTenant(customerId, (tx) =>
    load(tx, options.reader, options.conversationId, where, "desc", Math.min(options.take ?? PAGE_SIZE, 200)),
  );
}
