import { z } from "zod";

/** What a browser's PushSubscription.toJSON() gives (the keys are base64url). */
export const ZPushSubscription = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z
      .string()
      .regex(/^[A-Za-z0-9_-]+={0,2}$/)
      .refine((v) => Buffer.from(v, "base64url").length === 65, "must be a P-256 public key"),
    auth: z
      .string()
      .regex(/^[A-Za-z0-9_-]+={0,2}$/)
      .refine((v) => Buffer.from(v, "base64url").length === 16, "must be a 16-byte secret"),
  }),
});
export type TPushSubscriptionInput = z.infer<typeof ZPushSubscription>;

export const ZPushEndpoint = z.object({ endpoint: z.url().max(2048) });
