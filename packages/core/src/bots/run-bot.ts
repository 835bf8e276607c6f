import { withTenant } from "@forecourt/db";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import type { TAppended } from "../chat/send-message";
import { appendAutomaticReply, publishAutomaticReply } from "../chat/send-automatic-reply";
import { enqueueRouting } from "../routing/enqueue-routing";
import { containsKeyword } from "../routing/evaluate-routing-rules";
import { ZFaqBotConfig, ZWebhookBotConfig, inLanguage } from "./bot-input";
import { releaseFromBot } from "./hand-off-to-person";
import { postToWebhookBot, type TBotMessage } from "./post-to-webhook-bot";

export type TBotOutcome = "answered" | "handed_off" | "posted" | "skipped";

/** Termination makes the customer read-only and switches its bots off (L 5.2): they act only while it is usable. */
const usable = (status: string) => status === "ACTIVE" || status === "PENDING";

async function load(customerId: string, conversationId: string, messageId: string) {
  return withTenant(customerId, async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { status: true } });
    const conversation = await tx.conversation.findUnique({
      where: { id: conversationId },
      include: { bot: true, channel: { select: { type: true } }, contact: { select: { id: true, name: true } } },
    });
    const message = await tx.message.findUnique({
      where: { id: messageId },
      select: { id: true, body: true, authorType: true, conversationId: true, createdAt: true },
    });
    return { customer, conversation, message };
  });
}

/**
 * The bot job: the conversation's bot answers one contact message. A built-in (FAQ) bot answers
 * from its list in the contact's language, or hands off to a person when no answer fits or a
 * person is asked for; a webhook bot gets the message as a signed POST (retried by the job;
 * refused or failed for good: handed off, so no customer waits on a broken bot). Nothing happens
 * once a person has the conversation, the bot is off, or the customer is terminated.
 */
export async function runBot(
  options: { customerId: string; conversationId: string; messageId: string },
  attempt = { attempt: 1, maxAttempts: 1 },
): Promise<TBotOutcome> {
  const { customerId, conversationId, messageId } = options;
  const { customer, conversation: c, message } = await load(customerId, conversationId, messageId);
  const bot = c?.bot;
  if (!customer || !usable(customer.status) || !c || !bot || !bot.enabled || c.assigneeId || c.status === "CLOSED")
    return "skipped";
  if (!message || message.conversationId !== c.id || message.authorType !== "CONTACT") return "skipped";

  if (bot.kind === "WEBHOOK") {
    const config = ZWebhookBotConfig.safeParse(bot.config);
    const data: TBotMessage = {
      conversationId: c.id,
      dealerId: c.dealerId,
      channelType: c.channel.type,
      language: c.language,
      contact: { id: c.contact.id, name: c.contact.name },
      message: { id: message.id, body: message.body, createdAt: message.createdAt.toISOString() },
    };
    const outcome =
      config.success && bot.secretEncrypted
        ? await postToWebhookBot({ url: config.data.url, secretEncrypted: bot.secretEncrypted }, data)
        : ({ kind: "refused", reason: "the bot has no address", durationMs: 0 } as const);
    if (outcome.kind === "response" && outcome.status < 300) return "posted";
    const reason = outcome.kind === "response" ? `the bot answered HTTP ${outcome.status}` : outcome.reason;
    if (outcome.kind !== "refused" && attempt.attempt < attempt.maxAttempts)
      throw new Error(`bot delivery failed: ${reason}`);
    await handOff(customerId, c.id, bot.name, `${bot.name} could not be reached (${reason})`, null);
    return "handed_off";
  }

  const config = ZFaqBotConfig.safeParse(bot.config);
  if (!config.success) {
    await handOff(customerId, c.id, bot.name, "the bot's answers could not be read", null);
    return "handed_off";
  }
  const { entries, handoffKeywords, handoffMessage } = config.data;
  const wantsPerson = handoffKeywords.some((k) => containsKeyword(message.body, k));
  const entry = wantsPerson ? undefined : entries.find((e) => e.keywords.some((k) => containsKeyword(message.body, k)));
  if (!entry) {
    await handOff(customerId, c.id, bot.name, wantsPerson ? "a person was asked for" : "no answer fits", {
      body: inLanguage(handoffMessage, c.language),
      clientId: `handoff-${c.id}`,
      sourceId: bot.id,
    });
    return "handed_off";
  }
  let reply: TAppended | null = null;
  await withTenant(customerId, async (tx) => {
    reply = await appendAutomaticReply(tx, {
      customerId,
      conversationId: c.id,
      body: inLanguage(entry.answer, c.language),
      source: "faq",
      name: bot.name,
      sourceId: bot.id,
      clientId: `faq-${message.id}`,
    });
  });
  await publishAutomaticReply(customerId, reply);
  return "answered";
}

/** Lets go of the conversation (with a last word, for the FAQ bot) and lets routing find a person. */
async function handOff(
  customerId: string,
  conversationId: string,
  botName: string,
  reason: string,
  lastWord: { body: string; clientId: string; sourceId: string } | null,
) {
  let reply: TAppended | null = null;
  const released = await withTenant(customerId, async (tx) => {
    if (lastWord)
      reply = await appendAutomaticReply(tx, { customerId, conversationId, source: "bot", name: botName, ...lastWord });
    return releaseFromBot(tx, { customerId, conversationId, botName, reason });
  });
  await publishAutomaticReply(customerId, reply);
  if (!released) return;
  await enqueueRouting(customerId, conversationId, "transferred");
  const summary = await withTenant(customerId, (tx) => conversationSummary(tx, conversationId));
  if (summary) publishConversation(summary);
}
