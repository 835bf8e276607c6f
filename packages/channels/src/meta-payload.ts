import { z } from "zod";

/*
 * The shapes of Meta's webhook payloads we read (WhatsApp Cloud API, Messenger Platform). Lenient
 * on purpose: unknown fields pass, a malformed entry is skipped rather than failing the batch,
 * and every string is untrusted (bounded here, rendered escaped later).
 */

const str = (max = 4096) => z.string().max(max);
const ZId = str(256);

const ZWhatsAppMedia = z.object({
  id: ZId,
  mime_type: str(255).optional(),
  caption: str().optional(),
  filename: str(255).optional(),
  /** true for a voice note recorded in WhatsApp (push-to-talk), not an audio file. */
  voice: z.boolean().optional(),
});

export const ZWhatsAppMessage = z.looseObject({
  id: ZId,
  /** The customer's phone number; missing for username users who hide it (2026). */
  from: str(64).optional(),
  /** The business-scoped user id (BSUID). */
  from_user_id: str(256).optional(),
  timestamp: str(32).optional(),
  type: str(64),
  text: z.object({ body: str() }).optional(),
  image: ZWhatsAppMedia.optional(),
  audio: ZWhatsAppMedia.optional(),
  video: ZWhatsAppMedia.optional(),
  document: ZWhatsAppMedia.optional(),
  sticker: ZWhatsAppMedia.optional(),
  location: z
    .object({
      latitude: z.coerce.number(),
      longitude: z.coerce.number(),
      name: str(500).optional(),
      address: str(1000).optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: str(500).optional(), first_name: str(500).optional() }).optional(),
        phones: z
          .array(z.looseObject({ phone: str(100).optional(), wa_id: str(64).optional() }))
          .max(20)
          .optional(),
        emails: z
          .array(z.looseObject({ email: str(320).optional() }))
          .max(20)
          .optional(),
      }),
    )
    .max(20)
    .optional(),
  interactive: z
    .looseObject({
      type: str(64).optional(),
      button_reply: z.object({ id: ZId, title: str(1000) }).optional(),
      list_reply: z.object({ id: ZId, title: str(1000), description: str().optional() }).optional(),
    })
    .optional(),
  button: z.object({ text: str(1000), payload: str(1000).optional() }).optional(),
  reaction: z.object({ message_id: ZId, emoji: str(32).optional() }).optional(),
});
export type TWhatsAppMessage = z.infer<typeof ZWhatsAppMessage>;

export const ZWhatsAppStatus = z.looseObject({
  id: ZId,
  status: str(32),
  timestamp: str(32).optional(),
  recipient_id: str(256).optional(),
  errors: z
    .array(
      z.looseObject({
        code: z.number().optional(),
        title: str(1000).optional(),
        message: str(1000).optional(),
        error_data: z.looseObject({ details: str(2000).optional() }).optional(),
      }),
    )
    .max(10)
    .optional(),
});

export const ZWhatsAppContact = z.looseObject({
  wa_id: str(64).optional(),
  user_id: str(256).optional(),
  profile: z.looseObject({ name: str(500).optional() }).optional(),
});

export const ZWhatsAppValue = z.looseObject({
  messaging_product: str(32).optional(),
  metadata: z.looseObject({ phone_number_id: ZId, display_phone_number: str(64).optional() }),
  contacts: z.array(z.unknown()).max(1000).optional(),
  messages: z.array(z.unknown()).max(1000).optional(),
  statuses: z.array(z.unknown()).max(1000).optional(),
});

export const ZMessengerEvent = z.looseObject({
  sender: z.object({ id: ZId }),
  recipient: z.object({ id: ZId }),
  timestamp: z.number().optional(),
  message: z
    .looseObject({
      mid: ZId,
      text: str().optional(),
      is_echo: z.boolean().optional(),
      quick_reply: z.object({ payload: str(1000) }).optional(),
      attachments: z
        .array(
          z.looseObject({
            type: str(32),
            payload: z
              .looseObject({
                url: str(4096).optional(),
                title: str(500).optional(),
                coordinates: z.object({ lat: z.number(), long: z.number() }).optional(),
              })
              .nullable()
              .optional(),
          }),
        )
        .max(20)
        .optional(),
    })
    .optional(),
  delivery: z.looseObject({ watermark: z.number(), mids: z.array(ZId).max(1000).optional() }).optional(),
  read: z.looseObject({ watermark: z.number() }).optional(),
  postback: z
    .looseObject({ title: str(1000).optional(), payload: str(1000).optional(), mid: ZId.optional() })
    .optional(),
});
export type TMessengerEvent = z.infer<typeof ZMessengerEvent>;

/** The envelope shared by both: `object` says which product, entries carry the rest. */
export const ZMetaEnvelope = z.looseObject({
  object: str(64),
  entry: z
    .array(
      z.looseObject({
        id: ZId.optional(),
        time: z.number().optional(),
        changes: z
          .array(z.looseObject({ field: str(64).optional(), value: z.unknown() }))
          .max(1000)
          .optional(),
        messaging: z.array(z.unknown()).max(1000).optional(),
      }),
    )
    .max(1000),
});

/** Meta's unix-seconds timestamps; a missing or odd one means "now". */
export function metaTime(value: string | number | undefined, unit: "s" | "ms" = "s"): Date {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return new Date();
  return new Date(unit === "s" ? n * 1000 : n);
}
