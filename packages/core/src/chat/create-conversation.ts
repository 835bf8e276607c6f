import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { recordWebhookEvents } from "../webhooks/record-webhook-event";
import { InvalidInputError, NotFoundError, RuleError } from "../errors";
import { assertMay, type TTenantActor } from "../principal";
import { contactScopeWhere } from "../contacts/contact-scope";
import { insertContact, ZCreateContact } from "../contacts/create-contact";
import { dealerScopeWhere } from "./dealer-scope";
import { conversationSummary } from "./message-event";
import { publishConversation } from "./realtime";
import { recordEvent } from "./record-event";

/**
 * A conversation opened from the dealer's side (a CRM follow-up, a service reminder): for an
 * existing contact (`contactId`) or a new one (`contact`, with its legal basis), on one of the
 * tenant's channels in the actor's dealers (the conversation belongs to that channel's dealer).
 */
export const ZCreateConversation = z
  .object({
    channelId: z.uuid(),
    contactId: z.uuid().optional(),
    contact: ZCreateContact.optional(),
    /** A department of the channel's dealer. */
    departmentId: z.uuid().optional(),
  })
  .refine((c) => Boolean(c.contactId) !== Boolean(c.contact), {
    message: "Give either contactId or contact",
    path: ["contactId"],
  });
export type TCreateConversation = z.input<typeof ZCreateConversation>;

/**
 * Opens the conversation, or returns the contact's conversation on that channel that is not
 * closed yet (`created: false`), so a retried or repeated call does not split one customer's
 * thread in the inbox.
 */
export async function createConversation(options: { actor: TTenantActor; input: TCreateConversation }) {
  const { actor } = options;
  assertMay(actor, "conversations.manage");
  const input = ZCreateConversation.parse(options.input);
  if (input.contact) assertMay(actor, "contacts.edit");
  const customerId = actor.tenant.customerId;
  const result = await withTenant(customerId, async (tx) => {
    const channel = await tx.channel.findFirst({
      where: { id: input.channelId, customerId, ...dealerScopeWhere(actor) },
      select: { id: true, dealerId: true, status: true },
    });
    if (!channel) throw new NotFoundError("channel");
    if (channel.status !== "ACTIVE") throw new RuleError("channel_disabled", "This channel is switched off.");
    if (input.departmentId) {
      const d = await tx.department.findFirst({ where: { id: input.departmentId, dealerId: channel.dealerId } });
      if (!d) throw new InvalidInputError("That department does not belong to this channel's dealer");
    }
    let contactId: string;
    if (input.contactId) {
      const contact = await tx.contact.findFirst({
        where: { id: input.contactId, customerId, ...contactScopeWhere(actor) },
        select: { id: true },
      });
      if (!contact) throw new NotFoundError("contact");
      contactId = contact.id;
      const open = await tx.conversation.findFirst({
        where: { contactId, channelId: channel.id, status: { in: ["OPEN", "PENDING", "SNOOZED"] } },
        orderBy: { lastMessageAt: "desc" },
        select: { id: true },
      });
      if (open) return { id: open.id, created: false };
    } else contactId = (await insertContact(tx, actor, input.contact!)).id;
    const conversation = await tx.conversation.create({
      data: {
        customerId,
        dealerId: channel.dealerId,
        channelId: channel.id,
        contactId,
        departmentId: input.departmentId ?? null,
      },
    });
    await recordEvent(tx, actor, conversation.id, "created", { channelId: channel.id });
    await recordWebhookEvents(tx, customerId, [
      { type: "conversation.created", conversationId: conversation.id, contactId },
    ]);
    return { id: conversation.id, created: true, summary: await conversationSummary(tx, conversation.id) };
  });
  if ("summary" in result && result.summary) publishConversation(result.summary);
  return { conversationId: result.id, created: result.created };
}
