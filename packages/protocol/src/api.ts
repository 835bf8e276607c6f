import { z } from "zod";
import { ZChannelType, ZConversationSummary, ZLegalBasis, ZMessageEvent, ZReplyWindow, ZSendMessage } from "./index";

/*
 * The public REST API's shapes (/api/v1, docs/api.md), built from the same schemas the app and
 * the real-time protocol use: the OpenAPI document and @forecourt/sdk's types come from these.
 * `.meta({ id })` names them as OpenAPI components.
 */

/** A page of a list: `nextCursor` goes into `?cursor=` for the next page; null on the last page. */
export function ZApiPage<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), nextCursor: z.string().nullable() })
    .meta({ id, description: "One page; pass nextCursor as ?cursor= to get the next (null: the last page)." });
}

export const ZApiCursorQuery = z.object({
  cursor: z.string().max(512).optional().meta({ description: "nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: "Page size, 1–100" }),
});

export const ZApiConversation = ZConversationSummary.extend({
  /** When a snoozed conversation comes back; null unless snoozed. */
  snoozedUntil: z.iso.datetime().nullable(),
}).meta({ id: "Conversation" });
export type TApiConversation = z.infer<typeof ZApiConversation>;

export const ZApiConversationPage = ZApiPage(ZApiConversation, "ConversationPage");

export const ZApiMessage = ZMessageEvent.meta({ id: "Message" });
export type TApiMessage = z.infer<typeof ZApiMessage>;

export const ZApiMessagePage = ZApiPage(ZApiMessage, "MessagePage");

/** Sending through the API: the conversation comes from the path; clientId from the body or the Idempotency-Key. */
export const ZApiSendMessage = ZSendMessage.pick({ body: true, kind: true })
  .extend({
    clientId: ZSendMessage.shape.clientId.optional().meta({
      description: "Your id for this message (8–64 characters): a resend with the same clientId is not sent twice.",
    }),
    /** Write as this teammate (an active member who works for the conversation's dealer); else as the bot. */
    asUserId: z.uuid().optional(),
  })
  .meta({ id: "SendMessage" });
export type TApiSendMessage = z.input<typeof ZApiSendMessage>;

export const ZApiSentMessage = z
  .object({ message: ZApiMessage, duplicate: z.boolean() })
  .meta({ id: "SentMessage", description: "duplicate: a message with this clientId existed; nothing was sent again." });

export const ZApiError = z
  .object({
    code: z.string().meta({ description: "Stable error code (docs/errors.md)" }),
    error: z.string().meta({ description: "Human-readable message" }),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Error" });

// ── conversations, contacts, directory, leads, statistics (docs/api-endpoints.md) ─────────────

export const ZApiVehicle = z
  .object({
    id: z.uuid(),
    vin: z.string().nullable(),
    plate: z.string().nullable(),
    make: z.string().nullable(),
    model: z.string().nullable(),
    year: z.number().int().nullable(),
    /** YYYY-MM-DD (MOT / APK due date). */
    motDate: z.iso.date().nullable(),
  })
  .meta({ id: "Vehicle" });
export type TApiVehicle = z.infer<typeof ZApiVehicle>;

/** Where the contact asked not to be written to on one channel type (SMS STOP, a blocked bot). */
export const ZApiOptOut = z.object({ channelType: ZChannelType, reason: z.string().nullable(), at: z.iso.datetime() });

/** The contact's legal-basis record (RULES.md §6, T 7.1/7.2). */
const contactFields = {
  id: z.uuid(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  legalBasis: ZLegalBasis.nullable(),
  legalBasisNote: z.string().nullable(),
  legalBasisRecordedAt: z.iso.datetime().nullable(),
};

export const ZApiRef = z.object({ id: z.uuid(), name: z.string() });

/** One conversation with its contact (and vehicles), dealer, department and channel. */
export const ZApiConversationDetail = z
  .object({
    id: z.uuid(),
    status: ZApiConversation.shape.status,
    assigneeId: z.uuid().nullable(),
    snoozedUntil: z.iso.datetime().nullable(),
    lastSeq: z.number().int(),
    contactReadSeq: z.number().int(),
    createdAt: z.iso.datetime(),
    subject: z.string().nullable(),
    channelType: ZChannelType,
    channel: z.object({ name: z.string(), status: z.enum(["ACTIVE", "DISABLED"]) }).nullable(),
    replyWindow: ZReplyWindow,
    dealer: ZApiRef.nullable(),
    department: ZApiRef.nullable(),
    contact: z.object({ ...contactFields, optOuts: z.array(ZApiOptOut), vehicles: z.array(ZApiVehicle) }).nullable(),
  })
  .meta({ id: "ConversationDetail" });
export type TApiConversationDetail = z.infer<typeof ZApiConversationDetail>;

export const ZApiCreatedConversation = z.object({ conversation: ZApiConversationDetail, created: z.boolean() }).meta({
  id: "CreatedConversation",
  description: "created: false when the contact already had an open conversation on that channel (returned instead).",
});

/** How a contact is known on one channel (phone number, PSID, e-mail address, widget visitor id). */
export const ZApiContactIdentity = z
  .object({
    channelType: ZChannelType,
    externalId: z.string(),
    optedOutAt: z.iso.datetime().nullable(),
    optOutReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ContactIdentity" });

export const ZApiContactSummary = z
  .object({
    ...contactFields,
    lastEngagedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "ContactSummary" });
export const ZApiContactPage = ZApiPage(ZApiContactSummary, "ContactPage");

export const ZApiContact = ZApiContactSummary.extend({
  vehicles: z.array(ZApiVehicle),
  identities: z.array(ZApiContactIdentity),
  /** The contact's conversations the key may see (newest first, at most 50). */
  conversations: z.array(
    z.object({
      id: z.uuid(),
      status: ZApiConversation.shape.status,
      channelType: ZChannelType,
      dealerId: z.uuid(),
      createdAt: z.iso.datetime(),
      lastMessageAt: z.iso.datetime(),
    }),
  ),
}).meta({ id: "Contact" });
export type TApiContact = z.infer<typeof ZApiContact>;

export const ZApiDealer = z
  .object({ id: z.uuid(), name: z.string(), city: z.string().nullable(), timeZone: z.string() })
  .meta({ id: "Dealer" });
export const ZApiDealerPage = ZApiPage(ZApiDealer, "DealerPage");

export const ZApiDepartment = z
  .object({ id: z.uuid(), dealerId: z.uuid(), name: z.string(), kind: z.enum(["SALES", "SERVICE", "PARTS", "OTHER"]) })
  .meta({ id: "Department" });
export const ZApiDepartmentPage = ZApiPage(ZApiDepartment, "DepartmentPage");

export const ZApiUser = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(["OWNER", "ADMIN", "SUPERVISOR", "AGENT"]),
    status: z.enum(["ACTIVE", "DEACTIVATED", "ARCHIVED"]),
    /** The dealers they work for, within the key's dealers; empty: every dealer. */
    dealerIds: z.array(z.uuid()),
    departmentIds: z.array(z.uuid()),
  })
  .meta({ id: "User" });
export const ZApiUserPage = ZApiPage(ZApiUser, "UserPage");

export const ZApiChannel = z
  .object({
    id: z.uuid(),
    dealerId: z.uuid(),
    type: ZChannelType,
    name: z.string(),
    status: z.enum(["ACTIVE", "DISABLED"]),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Channel", description: "Never its settings or secrets." });
export const ZApiChannelPage = ZApiPage(ZApiChannel, "ChannelPage");

export const ZApiLead = z
  .object({
    /** The conversation the form opened. */
    id: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    source: z.enum(["pre_chat", "offline"]),
    dealer: ZApiRef,
    department: ZApiRef.nullable(),
    contact: z.object({
      id: z.uuid(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    /** What the form asked and the visitor answered (strings; the contact's current values for name, e-mail, phone). */
    answers: z.record(z.string(), z.string()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Lead" });
export const ZApiLeadPage = ZApiPage(ZApiLead, "LeadPage");

const statTotals = {
  conversationsStarted: z.number().int(),
  conversationsClosed: z.number().int(),
  messagesIn: z.number().int(),
  messagesOut: z.number().int(),
  avgFirstResponseSeconds: z.number().int().nullable(),
  avgResolutionSeconds: z.number().int().nullable(),
};

export const ZApiDailyStat = z
  .object({ day: z.iso.date(), dealerId: z.uuid(), channelType: ZChannelType, ...statTotals })
  .meta({ id: "DailyStat", description: "Anonymised aggregates of one day (UTC), dealer and channel type." });

export const ZApiDailyStats = z
  .object({ from: z.iso.date(), to: z.iso.date(), data: z.array(ZApiDailyStat) })
  .meta({ id: "DailyStats" });
