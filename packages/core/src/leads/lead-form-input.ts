import { z } from "zod";

/** Settings → Lead forms: a form on or off. */
export const ZSetLeadFormActive = z.object({
  formId: z.uuid(),
  active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
export type TSetLeadFormActive = z.input<typeof ZSetLeadFormActive>;

const emptyToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

/** Settings → Lead forms: where a dealer's leads go (either, both or neither). */
export const ZSaveLeadExportTarget = z.object({
  dealerId: z.uuid(),
  crmEmail: z.preprocess(emptyToNull, z.email("Enter an e-mail address, like leads@crm.example.").max(320).nullable()),
  crmUrl: z.preprocess(emptyToNull, z.string().trim().max(2000).nullable()),
  /** A new signing secret for the HTTP target; empty keeps the one set. */
  secret: z.preprocess(emptyToNull, z.string().min(16, "At least 16 characters.").max(200).nullable()).optional(),
  clearSecret: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
});
export type TSaveLeadExportTarget = z.input<typeof ZSaveLeadExportTarget>;

/** The agent's "Send form": which form into which conversation (clientId: the idempotency key). */
export const ZSendLeadForm = z.object({
  conversationId: z.uuid(),
  formId: z.uuid(),
  clientId: z.string().min(8).max(64),
});
export type TSendLeadForm = z.input<typeof ZSendLeadForm>;

export const ZConversationRef = z.object({ conversationId: z.uuid() });

/** Settings → Lead forms: send a failed delivery again. */
export const ZRetryLeadDelivery = z.object({ deliveryId: z.uuid() });

/** The widget offers a form by itself (the visitor picked it from the chat's form menu). */
export const ZOfferLeadForm = z.object({ conversationId: z.uuid(), formId: z.uuid() });
export type TOfferLeadForm = z.input<typeof ZOfferLeadForm>;
