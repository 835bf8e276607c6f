import { newMid, newWamid, unixSeconds } from "./ids";

/*
 * Webhook payloads exactly as Meta builds them (WhatsApp Cloud API `messages` field; Messenger
 * Platform `messages`, `message_echoes`, `message_deliveries`, `message_reads`). Pure functions:
 * the server resolves media to ids and URLs first.
 */

// ── WhatsApp ────────────────────────────────────────────────────────────────────────────────

/** Who writes: a phone number (wa_id), a BSUID (user_id), or both. A username user may have no wa_id. */
export type TWhatsAppSender = { waId?: string | null; bsuid?: string | null; name: string; username?: string | null };

/** A media object as it appears in an inbound message (the file itself stays with the stand-in). */
export type TResolvedMedia = { id: string; mime_type: string; sha256: string };

/** One inbound WhatsApp message, with media already stored. */
export type TWhatsAppMessageBody =
  | { type: "text"; text: { body: string } }
  | { type: "image" | "video" | "sticker"; media: TResolvedMedia; caption?: string }
  | { type: "document"; media: TResolvedMedia; filename: string; caption?: string }
  | { type: "audio"; media: TResolvedMedia; voice?: boolean }
  | {
      type: "location";
      location: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
    }
  | {
      type: "contacts";
      contacts: { name: { formatted_name: string; first_name?: string }; phones?: unknown[]; emails?: unknown[] }[];
    }
  | { type: "interactive"; interactive: Record<string, unknown> }
  | { type: "button"; button: { text: string; payload: string } }
  | { type: "reaction"; reaction: { message_id: string; emoji: string } }
  | { type: "unsupported" }
  | { type: "raw"; message: Record<string, unknown> };

export type TWhatsAppMessageOptions = { id?: string; timestamp?: number; context?: { id: string; from?: string } };

export function whatsappMessage(
  sender: TWhatsAppSender,
  body: TWhatsAppMessageBody,
  options: TWhatsAppMessageOptions = {},
): Record<string, unknown> {
  const head: Record<string, unknown> = {};
  if (sender.waId) head.from = sender.waId;
  if (sender.bsuid) head.from_user_id = sender.bsuid;
  head.id = options.id ?? newWamid();
  head.timestamp = unixSeconds(options.timestamp ?? Date.now());
  if (options.context) head.context = { from: options.context.from, id: options.context.id };
  switch (body.type) {
    case "raw":
      return { ...head, ...body.message };
    case "text":
      return { ...head, type: "text", text: body.text };
    case "image":
    case "video":
    case "sticker":
      return {
        ...head,
        type: body.type,
        [body.type]: { ...(body.caption ? { caption: body.caption } : {}), ...body.media },
      };
    case "document":
      return {
        ...head,
        type: "document",
        document: { ...(body.caption ? { caption: body.caption } : {}), filename: body.filename, ...body.media },
      };
    case "audio":
      return { ...head, type: "audio", audio: { ...body.media, voice: body.voice ?? false } };
    case "location":
      return { ...head, type: "location", location: body.location };
    case "contacts":
      return { ...head, type: "contacts", contacts: body.contacts };
    case "interactive":
      return { ...head, type: "interactive", interactive: body.interactive };
    case "button":
      return { ...head, type: "button", button: body.button };
    case "reaction":
      return { ...head, type: "reaction", reaction: body.reaction };
    case "unsupported":
      return {
        ...head,
        type: "unsupported",
        errors: [
          {
            code: 131051,
            title: "Message type unknown",
            message: "Message type unknown",
            error_data: { details: "Message type is currently not supported." },
          },
        ],
      };
  }
}

export function whatsappContact(sender: TWhatsAppSender): Record<string, unknown> {
  const profile: Record<string, string> = { name: sender.name };
  if (sender.username) profile.username = sender.username;
  const contact: Record<string, unknown> = { profile };
  if (sender.waId) contact.wa_id = sender.waId;
  if (sender.bsuid) contact.user_id = sender.bsuid;
  return contact;
}

export type TWhatsAppStatusSpec = {
  id: string;
  status: "sent" | "delivered" | "read" | "played" | "failed";
  /** The phone number the message went to, when there is one. */
  recipientId?: string | null;
  /** The BSUID, when the message went to one (or Meta knows it). */
  recipientUserId?: string | null;
  timestamp?: number;
  errors?: { code: number; title: string; message?: string; details?: string }[];
};

export function whatsappStatus(spec: TWhatsAppStatusSpec): Record<string, unknown> {
  const status: Record<string, unknown> = {
    id: spec.id,
    status: spec.status,
    timestamp: unixSeconds(spec.timestamp ?? Date.now()),
  };
  if (spec.recipientId) status.recipient_id = spec.recipientId;
  if (spec.recipientUserId) status.recipient_user_id = spec.recipientUserId;
  if (spec.status === "sent" || spec.status === "delivered")
    status.pricing = { billable: false, pricing_model: "PMP", category: "service", type: "free_customer_service" };
  if (spec.errors?.length)
    status.errors = spec.errors.map((e) => ({
      code: e.code,
      title: e.title,
      message: e.message ?? e.title,
      error_data: { details: e.details ?? e.title },
      href: "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }));
  return status;
}

/** One `changes[]` element for a phone number. */
export function whatsappChange(
  number: { phoneNumberId: string; displayPhoneNumber: string },
  value: { contacts?: unknown[]; messages?: unknown[]; statuses?: unknown[] },
) {
  return {
    value: {
      messaging_product: "whatsapp",
      metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
      ...(value.contacts?.length ? { contacts: value.contacts } : {}),
      ...(value.messages?.length ? { messages: value.messages } : {}),
      ...(value.statuses?.length ? { statuses: value.statuses } : {}),
    },
    field: "messages",
  };
}

/** The envelope: one entry per WABA, its changes in order (Meta batches several of each). */
export function whatsappEnvelope(entries: { wabaId: string; changes: unknown[] }[]) {
  return { object: "whatsapp_business_account", entry: entries.map((e) => ({ id: e.wabaId, changes: e.changes })) };
}

// ── Messenger ───────────────────────────────────────────────────────────────────────────────

export type TMessengerAttachment = { type: "image" | "audio" | "video" | "file"; url: string };

export function messengerMessageEvent(options: {
  pageId: string;
  psid: string;
  timestamp?: number;
  mid?: string;
  text?: string;
  attachments?: TMessengerAttachment[];
  quickReplyPayload?: string;
  replyTo?: string;
}) {
  const message: Record<string, unknown> = { mid: options.mid ?? newMid() };
  if (options.text !== undefined) message.text = options.text;
  if (options.quickReplyPayload) message.quick_reply = { payload: options.quickReplyPayload };
  if (options.replyTo) message.reply_to = { mid: options.replyTo };
  if (options.attachments?.length)
    message.attachments = options.attachments.map((a) => ({ type: a.type, payload: { url: a.url } }));
  return {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: options.timestamp ?? Date.now(),
    message,
  };
}

/** What Meta sends back for the page's own sends (message_echoes): sender is the page. */
export function messengerEchoEvent(options: {
  pageId: string;
  psid: string;
  mid: string;
  appId: string;
  text?: string;
  attachments?: TMessengerAttachment[];
  timestamp?: number;
}) {
  const message: Record<string, unknown> = { mid: options.mid, is_echo: true, app_id: Number(options.appId) };
  if (options.text !== undefined) message.text = options.text;
  if (options.attachments?.length)
    message.attachments = options.attachments.map((a) => ({ type: a.type, payload: { url: a.url } }));
  return {
    sender: { id: options.pageId },
    recipient: { id: options.psid },
    timestamp: options.timestamp ?? Date.now(),
    message,
  };
}

export function messengerDeliveryEvent(options: { pageId: string; psid: string; watermark: number; mids?: string[] }) {
  return {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    delivery: { ...(options.mids?.length ? { mids: options.mids } : {}), watermark: options.watermark },
  };
}

export function messengerReadEvent(options: { pageId: string; psid: string; watermark: number; timestamp?: number }) {
  return {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: options.timestamp ?? Date.now(),
    read: { watermark: options.watermark },
  };
}

export function messengerPostbackEvent(options: {
  pageId: string;
  psid: string;
  title: string;
  payload: string;
  timestamp?: number;
}) {
  return {
    sender: { id: options.psid },
    recipient: { id: options.pageId },
    timestamp: options.timestamp ?? Date.now(),
    postback: { mid: newMid(), title: options.title, payload: options.payload },
  };
}

/** `object: "page"`: one entry per page, its events in `messaging[]`. */
export function messengerEnvelope(entries: { pageId: string; messaging: unknown[]; time?: number }[]) {
  return {
    object: "page",
    entry: entries.map((e) => ({ id: e.pageId, time: e.time ?? Date.now(), messaging: e.messaging })),
  };
}
