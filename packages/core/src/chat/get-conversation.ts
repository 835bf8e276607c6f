import { withTenant } from "@forecourt/db";
import { conversationForAgent } from "./dealer-scope";
import { assertMay, type TTenantActor } from "../principal";
import { replyWindowFor } from "../channels/reply-window";
import { parseVehicleOfInterest } from "./set-vehicle-of-interest";
import { vehicleView } from "../contacts/vehicle-fields";
import { labelView } from "../labels/label-input";
import { conversationActivity } from "./conversation-activity";

/** One conversation for the inbox: the conversation, its contact with vehicles, and the dealer. */
export async function getConversation(options: { agent: TTenantActor; conversationId: string }) {
  const { agent } = options;
  assertMay(agent, "inbox.view");
  return withTenant(agent.tenant.customerId, async (tx) => {
    const c = await conversationForAgent(tx, agent, options.conversationId);
    const [contact, dealer, department, read, channel, labels, activity] = await Promise.all([
      tx.contact.findUnique({
        where: { id: c.contactId },
        include: {
          vehicles: { orderBy: { createdAt: "asc" } },
          // Opt-outs and blocks (SMS STOP, a blocked Telegram bot): shown on the contact.
          identities: {
            where: { optedOutAt: { not: null } },
            select: { channelType: true, optedOutAt: true, optOutReason: true },
          },
        },
      }),
      tx.dealer.findUnique({ where: { id: c.dealerId }, select: { id: true, name: true } }),
      c.departmentId
        ? tx.department.findUnique({ where: { id: c.departmentId }, select: { id: true, name: true } })
        : null,
      // An API key has no read marker of its own.
      agent.kind === "user"
        ? tx.conversationRead.findUnique({
            where: { conversationId_userId: { conversationId: c.id, userId: agent.userId } },
          })
        : null,
      tx.channel.findUnique({ where: { id: c.channelId }, select: { type: true, name: true, status: true } }),
      tx.conversationLabel.findMany({
        where: { conversationId: c.id },
        orderBy: { createdAt: "asc" },
        select: { label: { select: { id: true, dealerId: true, name: true, color: true } } },
      }),
      conversationActivity(tx, c.id),
    ]);
    const channelType = channel?.type ?? "WIDGET";
    return {
      id: c.id,
      status: c.status,
      priority: c.priority,
      labels: labels.map((l) => labelView(l.label)),
      /** Who did what and when (assigned, closed, snoozed, labelled…), oldest first: the timeline's lines. */
      activity,
      assigneeId: c.assigneeId,
      snoozedUntil: c.snoozedUntil?.toISOString() ?? null,
      lastSeq: c.lastSeq,
      contactReadSeq: c.contactReadSeq,
      lastReadSeq: read?.lastReadSeq ?? 0,
      createdAt: c.createdAt.toISOString(),
      /** An e-mail thread's subject (null on chat channels). */
      subject: c.subject,
      /** The car the visitor was looking at (the widget's setVehicle): untrusted text, render escaped. */
      vehicleOfInterest: parseVehicleOfInterest(c.vehicleOfInterest),
      channelType,
      channel: channel && { name: channel.name, status: channel.status },
      /** Whether free text may be sent now (WhatsApp/Messenger 24-hour windows). */
      replyWindow: replyWindowFor(channelType, c.lastInboundAt),
      dealer,
      department,
      contact: contact && {
        id: contact.id,
        name: contact.name,
        email: contact.email,
        phone: contact.phone,
        legalBasis: contact.legalBasis,
        legalBasisNote: contact.legalBasisNote,
        legalBasisRecordedAt: contact.legalBasisRecordedAt?.toISOString() ?? null,
        optOuts: contact.identities.map((i) => ({
          channelType: i.channelType,
          reason: i.optOutReason,
          at: i.optedOutAt!.toISOString(),
        })),
        vehicles: contact.vehicles.map(vehicleView),
      },
    };
  });
}
export type TConversationDetail = Awaited<ReturnType<typeof getConversation>>;
