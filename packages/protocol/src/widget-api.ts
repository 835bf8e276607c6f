/**
 * The widget's JavaScript API (docs/widget.md): what the host page may tell the chat through
 * `Forecourt('identify', …)` and `Forecourt('setVehicle', …)`. Everything here comes from a
 * visitor's browser and is untrusted: bounded, typed, stored as text, rendered escaped.
 */
import { z } from "zod";

const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, "must not contain NUL characters");

/** `https://…` or `http://…` only: never `javascript:`, `data:` or a relative link. */
export const ZHttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

/** A VIN: 17 letters and digits without I, O and Q (ISO 3779). */
export const ZVin = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NPR-Z0-9]{17}$/, "must be a 17-character VIN");

/** The car the visitor is looking at (`Forecourt('setVehicle', …)`): a VIN or a stock number names it. */
export const ZVehicleOfInterest = z
  .object({
    vin: ZVin.optional(),
    stockNumber: text(40).optional(),
    make: text(60).optional(),
    model: text(80).optional(),
    url: ZHttpUrl.optional(),
  })
  .strict()
  .refine((v) => !!v.vin || !!v.stockNumber, { message: "needs a vin or a stockNumber", path: ["vin"] });
export type TVehicleOfInterest = z.infer<typeof ZVehicleOfInterest>;

/** An HMAC-SHA256 in hex (64 characters; either case). */
export const ZUserHash = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, "must be a hex HMAC-SHA256");

/**
 * `Forecourt('identify', …)`: the dealer's own user id, signed by the dealer's server with the
 * channel's identity secret (`userHash` = hex HMAC-SHA256 of `id`). Name, e-mail and phone are
 * trusted only when the hash is right.
 */
export const ZWidgetIdentity = z.object({
  id: text(200),
  name: text(120).optional(),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+0-9 ()-]{6,30}$/, "must be a phone number")
    .optional(),
  /** Not validated as hex here: a malformed hash is a refused identity, not a refused request. */
  userHash: z.string().max(200).optional(),
});
export type TWidgetIdentity = z.infer<typeof ZWidgetIdentity>;

/** Why an identity was refused; the widget logs it in the host page's console (never shown to the visitor). */
export const IDENTITY_REFUSALS = ["missing_hash", "invalid_hash", "no_secret"] as const;
export type TIdentityRefusal = (typeof IDENTITY_REFUSALS)[number];

/** POST /api/widget/identify (the iframe, with its frame ticket and, in a chat, the visitor token). */
export const ZWidgetIdentifyRequest = z.object({ key: z.string().min(10).max(120), identity: ZWidgetIdentity });

/** POST /api/widget/vehicle (the visitor's own conversation). */
export const ZWidgetVehicleRequest = z.object({ conversationId: z.uuid(), vehicle: ZVehicleOfInterest });

/** What the start of a chat may carry besides the form (ZStartConversation): the identity and the car. */
export const ZStartConversationExtras = z.object({
  identity: ZWidgetIdentity.optional(),
  vehicle: ZVehicleOfInterest.optional(),
  /** The page the chat starts on (untrusted; routing conditions match on it). */
  page: ZHttpUrl.optional(),
  /** The widget's language (en, nl, da, de). */
  locale: z.enum(["en", "nl", "da", "de"]).optional(),
});

/** Agent socket event: re-read this conversation's detail (its contact was identified, its car changed). */
export const CONVERSATION_CHANGED_EVENT = "conversation:changed";
