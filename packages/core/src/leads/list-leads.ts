import { z } from "zod";
import { withTenant, type Prisma } from "@forecourt/db";
import { ZMessageContent } from "@forecourt/protocol";
import { assertMay, type TTenantActor } from "../principal";
import { dealerScopeWhere } from "../chat/dealer-scope";

export const ZListLeads = z.object({
  dealerId: z.uuid().optional(),
  /** Leads created at or after this time. */
  since: z.iso.datetime({ offset: true }).optional(),
  /** Keyset paging: createdAt and id of the last lead of the previous page. */
  before: z.object({ createdAt: z.iso.datetime(), id: z.uuid() }).optional(),
  take: z.number().int().min(1).max(101).default(50),
});
export type TListLeads = z.input<typeof ZListLeads>;

/** The offline form's message is the conversation's first, with this clientId (start-visitor-conversation.ts). */
const offlineClientId = (conversationId: string) => `offline-${conversationId}`;

function answersOf(data: Prisma.JsonValue | null): Record<string, string> {
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  // A lead form's result (submit-lead-form.ts): its answers by field key, a vehicle as one line.
  const result = ZMessageContent.safeParse(data);
  if (result.success && result.data.type === "form_result") {
    const answers: Record<string, string> = { form: result.data.kind };
    for (const a of result.data.answers)
      answers[a.key] =
        typeof a.value === "string"
          ? a.value
          : [a.value.make, a.value.model, a.value.year, a.value.plate].filter(Boolean).join(" ");
    return answers;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

/**
 * Leads: every conversation a visitor opened with the website chat's pre-chat form (or its
 * offline form, outside business hours), newest first, with what the form asked: name, e-mail and
 * phone (stored on the contact, so their current values), the department chosen, the offline
 * message, and the answers of form-result messages (kind FORM: lead forms, docs/leads.md) in the conversation. Scoped to the
 * actor's dealers; purged with the conversation after the retention period (RULES.md §6).
 */
export async function listLeads(options: { actor: TTenantActor; input: TListLeads }) {
  const { actor } = options;
  assertMay(actor, "leads.view");
  const input = ZListLeads.parse(options.input);
  const { customerId } = actor.tenant;
  return withTenant(customerId, async (tx) => {
    // By channel ids (uuid IN can use an index under RLS; enum equality cannot: ENVIRONMENT.md).
    const channels = await tx.channel.findMany({
      where: { customerId, type: "WIDGET", ...dealerScopeWhere(actor) },
      select: { id: true },
    });
    if (channels.length === 0) return [];
    const and: Prisma.ConversationWhereInput[] = [];
    if (input.dealerId) and.push({ dealerId: input.dealerId });
    if (input.since) and.push({ createdAt: { gte: new Date(input.since) } });
    if (input.before) {
      const at = new Date(input.before.createdAt);
      // `lte` lets the index seek; the OR breaks ties by id.
      and.push(
        { createdAt: { lte: at } },
        { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: input.before.id } }] },
      );
    }
    const rows = await tx.conversation.findMany({
      where: { customerId, channelId: { in: channels.map((c) => c.id) }, AND: and },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.take,
      select: {
        id: true,
        channelId: true,
        createdAt: true,
        dealer: { select: { id: true, name: true } },
        department: { select: { id: true, name: true } },
        contact: { select: { id: true, name: true, email: true, phone: true } },
      },
    });
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const forms = await tx.message.findMany({
      where: {
        conversationId: { in: ids },
        OR: [{ kind: "FORM" }, { clientId: { in: ids.map(offlineClientId) } }],
      },
      orderBy: { seq: "asc" },
      select: { conversationId: true, clientId: true, kind: true, body: true, data: true },
    });
    return rows.map((r) => {
      const mine = forms.filter((m) => m.conversationId === r.id);
      const offline = mine.find((m) => m.clientId === offlineClientId(r.id));
      const answers: Record<string, string> = {};
      for (const m of mine) if (m.kind === "FORM") Object.assign(answers, answersOf(m.data));
      if (r.contact.name) answers.name = r.contact.name;
      if (r.contact.email) answers.email = r.contact.email;
      if (r.contact.phone) answers.phone = r.contact.phone;
      if (r.department) answers.department = r.department.name;
      if (offline) answers.message = offline.body;
      return {
        id: r.id,
        conversationId: r.id,
        channelId: r.channelId,
        source: offline ? ("offline" as const) : ("pre_chat" as const),
        dealer: r.dealer,
        department: r.department,
        contact: r.contact,
        answers,
        createdAt: r.createdAt.toISOString(),
      };
    });
  });
}
