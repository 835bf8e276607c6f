import { z } from "zod";
import { withTenant, type Prisma } from "@forecourt/db";
import { ZChannelType, type TConversationSummary } from "@forecourt/protocol";
import { dealerScopeWhere } from "./dealer-scope";
import { actingUserId, assertMay, type TTenantActor } from "../principal";
import { InvalidInputError } from "../errors";
import { labelView, type TLabelView } from "../labels/label-input";
import { conversationSla, type TSla } from "./sla";

export const ZInboxView = z.enum(["mine", "unassigned", "open", "snoozed", "closed"]);
export type TInboxView = z.infer<typeof ZInboxView>;

export const ZListConversations = z.object({
  view: ZInboxView.default("open"),
  dealerId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  /** Only conversations assigned to this teammate (what an API key uses instead of "mine"). */
  assigneeId: z.uuid().optional(),
  /** Only conversations that came through channels of this type (WhatsApp, Messenger, …). */
  channelType: ZChannelType.optional(),
  /** Keyset paging: lastMessageAt of the last row of the previous page. */
  before: z.iso.datetime().optional(),
  /** With `before`: the id of that last row, so rows with the same lastMessageAt are neither lost nor repeated. */
  beforeId: z.uuid().optional(),
  take: z.coerce.number().int().min(1).max(100).default(50),
});
export type TListConversations = z.input<typeof ZListConversations>;

export type TInboxRow = TConversationSummary & {
  unread: number;
  contactEmail: string | null;
  /** When a snoozed conversation comes back (ISO), else null. */
  snoozedUntil: string | null;
  /** Arrived outside business hours: the opening it waits for (ISO), else null. */
  waitingUntil: string | null;
  priority: "LOW" | "NORMAL" | "HIGH" | "URGENT";
  labels: TLabelView[];
  /** The department's running SLA target (first response, then resolution), or null. */
  sla: TSla | null;
};

/** The inbox: one view, scoped to the agent's dealers, newest activity first, with unread counts. */
export async function listConversations(options: {
  agent: TTenantActor;
  input: TListConversations;
  /** Leave out website chats without a message yet (the inbox's lists). */
  hideUnstarted?: boolean;
}): Promise<TInboxRow[]> {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  const input = ZListConversations.parse(options.input);
  const where: Prisma.ConversationWhereInput = { ...dealerScopeWhere(agent) };
  const and: Prisma.ConversationWhereInput[] = [];
  if (input.dealerId) and.push({ dealerId: input.dealerId });
  if (input.assigneeId) and.push({ assigneeId: input.assigneeId });
  // The inbox: a website chat whose visitor sent only the pre-chat form has nothing to answer
  // yet; it joins the lists with its first message (routing runs then too). The API lists all.
  if (options.hideUnstarted) and.push({ OR: [{ lastSeq: { gt: 0 } }, { channel: { type: { not: "WIDGET" } } }] });
  if (input.departmentId) where.departmentId = input.departmentId;
  // Snoozed conversations leave the working views until they wake (or the customer writes).
  if (input.view === "closed") where.status = "CLOSED";
  else if (input.view === "snoozed") where.status = "SNOOZED";
  else where.status = { in: ["OPEN", "PENDING"] };
  // An API key is nobody: it has no "mine" and no read markers (every contact message counts as unread).
  const userId = actingUserId(agent);
  if (input.view === "mine") {
    if (!userId) throw new InvalidInputError("An API key has no conversations of its own: filter by assignee instead");
    where.assigneeId = userId;
  }
  if (input.view === "unassigned") where.assigneeId = null;
  if (input.before) {
    const before = new Date(input.before);
    // Keyset (lastMessageAt, id), both descending: tie-safe when several rows share a timestamp.
    if (input.beforeId) {
      // The redundant `lte` bound is what the index can seek to (the OR alone scans from the top).
      and.push(
        { lastMessageAt: { lte: before } },
        { OR: [{ lastMessageAt: { lt: before } }, { lastMessageAt: before, id: { lt: input.beforeId } }] },
      );
    } else where.lastMessageAt = { lt: before };
  }
  if (and.length > 0) where.AND = and;

  return withTenant(agent.tenant.customerId, async (tx) => {
    if (input.channelType) {
      // By channel ids, not by a join on Channel.type: enum equality is not LEAKPROOF, so under
      // row-level security it could not drive an index (ENVIRONMENT.md); uuid IN can. A tenant
      // has a handful of channels, so this lookup is cheap, and the default list skips it.
      const channels = await tx.channel.findMany({
        where: { customerId: agent.tenant.customerId, type: input.channelType, ...dealerScopeWhere(agent) },
        select: { id: true },
      });
      if (channels.length === 0) return [];
      where.channelId = { in: channels.map((c) => c.id) };
    }
    const rows = await tx.conversation.findMany({
      where,
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: input.take,
      include: {
        contact: { select: { id: true, name: true, email: true } },
        channel: { select: { type: true } },
        department: { select: { firstResponseMinutes: true, resolutionMinutes: true } },
        labels: {
          orderBy: { createdAt: "asc" },
          select: { label: { select: { id: true, dealerId: true, name: true, color: true } } },
        },
        ...(userId ? { reads: { where: { userId }, select: { lastReadSeq: true } } } : {}),
        messages: {
          where: { kind: { not: "NOTE" } },
          orderBy: { seq: "desc" },
          take: 1,
          select: {
            body: true,
            seq: true,
            attachments: { where: { role: "FILE" }, select: { fileName: true }, take: 1 },
          },
        },
      },
    });
    const ids = rows.map((r) => r.id);
    // Unread = visitor messages after the agent's read mark.
    // An API key has no read marker: no unread counts to work out (they are not in its answer).
    const unread =
      ids.length === 0 || !userId
        ? []
        : await tx.$queryRaw<{ conversationId: string; n: number }[]>`
          SELECT m."conversationId", count(*)::int AS n
            FROM "Message" m
            LEFT JOIN "ConversationRead" r ON r."conversationId" = m."conversationId" AND r."userId" = ${userId}::uuid
           WHERE m."conversationId" = ANY(${ids}::uuid[]) AND m."authorType" = 'CONTACT'
             AND m."seq" > COALESCE(r."lastReadSeq", 0)
           GROUP BY m."conversationId"`;
    const unreadBy = new Map(unread.map((u) => [u.conversationId, u.n]));
    // SLA facts, only for open rows whose department has a first-response target: the first
    // customer message and the first agent reply after it, each one index step by (conversationId, seq).
    const slaIds = rows
      .filter((c) => c.department?.firstResponseMinutes && (c.status === "OPEN" || c.status === "PENDING"))
      .map((c) => c.id);
    const firsts =
      slaIds.length === 0
        ? []
        : await tx.$queryRaw<{ id: string; inboundAt: Date | null; replyAt: Date | null }[]>`
          SELECT c."id", fi."createdAt" AS "inboundAt", fr."createdAt" AS "replyAt"
            FROM unnest(${slaIds}::uuid[]) AS c("id")
            LEFT JOIN LATERAL (
              SELECT m."seq", m."createdAt" FROM "Message" m
               WHERE m."conversationId" = c."id" AND m."authorType" = 'CONTACT'
               ORDER BY m."seq" LIMIT 1) fi ON true
            LEFT JOIN LATERAL (
              SELECT m."createdAt" FROM "Message" m
               WHERE m."conversationId" = c."id" AND m."seq" > fi."seq"
                 AND m."authorType" IN ('AGENT', 'MANAGED_AGENT') AND m."kind" <> 'NOTE'
               ORDER BY m."seq" LIMIT 1) fr ON true`;
    const firstsBy = new Map(firsts.map((f) => [f.id, f]));
    return rows.map((c) => {
      const last = c.messages[0];
      return {
        id: c.id,
        dealerId: c.dealerId,
        departmentId: c.departmentId,
        channelType: c.channel.type,
        status: c.status,
        assigneeId: c.assigneeId,
        contact: { id: c.contact.id, name: c.contact.name },
        contactEmail: c.contact.email,
        lastSeq: c.lastSeq,
        lastMessageAt: c.lastMessageAt.toISOString(),
        preview: (last?.body || last?.attachments[0]?.fileName || "").slice(0, 140),
        unread: unreadBy.get(c.id) ?? 0,
        snoozedUntil: c.snoozedUntil?.toISOString() ?? null,
        waitingUntil: c.waitingUntil && c.waitingUntil > new Date() ? c.waitingUntil.toISOString() : null,
        priority: c.priority,
        labels: c.labels.map((l) => labelView(l.label)),
        sla: c.department
          ? conversationSla(
              {
                status: c.status,
                createdAt: c.createdAt,
                firstInboundAt: firstsBy.get(c.id)?.inboundAt ?? null,
                firstReplyAt: firstsBy.get(c.id)?.replyAt ?? null,
                opensAt: c.waitingUntil,
              },
              c.department,
            )
          : null,
      };
    });
  });
}
