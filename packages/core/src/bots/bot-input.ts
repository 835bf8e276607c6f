import { z } from "zod";
import { ROUTING_LANGUAGES } from "../routing/routing-rule-input";

const ZAnswer = z.string().trim().min(1).max(1000);
/** One text per language; at least one. The contact's language is used, else the first given. */
export const ZLocalisedText = z
  .partialRecord(z.enum(ROUTING_LANGUAGES), ZAnswer)
  .refine((t) => Object.keys(t).length > 0, { message: "Write it in at least one language" });
export type TLocalisedText = z.infer<typeof ZLocalisedText>;

const ZWord = z.string().trim().min(1).max(60);

export const ZFaqEntry = z.object({
  /** Any of these words in the contact's message picks this answer. */
  keywords: z.array(ZWord).min(1, "Give at least one word").max(20),
  answer: ZLocalisedText,
});

/** A built-in bot: keyword answers, and when to give the conversation to a person. */
export const ZFaqBotConfig = z.object({
  /** Sent when the bot takes a conversation (optional). */
  greeting: ZLocalisedText.optional(),
  entries: z.array(ZFaqEntry).max(50).default([]),
  /** Words that ask for a person ("agent", "medewerker"): the bot hands off at once. */
  handoffKeywords: z.array(ZWord).max(20).default([]),
  /** Said when it hands off (no answer fits, or a person was asked for). */
  handoffMessage: ZLocalisedText,
});
export type TFaqBotConfig = z.infer<typeof ZFaqBotConfig>;

/** An outside bot: where its messages go (SSRF-checked when sent, like webhooks). */
export const ZWebhookBotConfig = z.object({ url: z.url({ protocol: /^https?$/ }).max(500) });

export const ZSaveBot = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("FAQ"),
    id: z.uuid().optional(),
    dealerId: z.uuid(),
    name: z.string().trim().min(1, "Give the bot a name").max(80),
    config: ZFaqBotConfig,
  }),
  z.object({
    kind: z.literal("WEBHOOK"),
    id: z.uuid().optional(),
    dealerId: z.uuid(),
    name: z.string().trim().min(1, "Give the bot a name").max(80),
    config: ZWebhookBotConfig,
  }),
]);
export type TSaveBot = z.input<typeof ZSaveBot>;

export const ZBotRef = z.object({ id: z.uuid() });
export const ZToggleBot = z.object({ id: z.uuid(), enabled: z.boolean() });

/** The text in the contact's language, else in the first language the dealer wrote it in. */
export function inLanguage(text: TLocalisedText, language: string | null): string {
  const preferred = language && (text as Record<string, string | undefined>)[language];
  return preferred || Object.values(text).find(Boolean) || "";
}
