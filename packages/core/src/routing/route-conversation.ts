import { withTenant, type TTx } from "@forecourt/db";
import type { TAppended } from "../chat/send-message";
import { appendAutomaticReply, publishAutomaticReply } from "../chat/send-automatic-reply";
import { isOpen, nextOpening, parseBusinessHours, parseHolidays, type TSchedule } from "../chat/business-hours";
import { conversationSummary } from "../chat/message-event";
import { publishConversation } from "../chat/realtime";
import { recordSystemActivity } from "../chat/record-event";
import { recordWebhookEvent } from "../webhooks/record-webhook-event";
import { chooseAgent } from "./choose-agent";
import { firstMatchingRule, parseRules, type TParsedRule, type TRoutingFacts } from "./evaluate-routing-rules";
import { onlineAgentIds } from "./presence";
import { ZFaqBotConfig, inLanguage } from "../bots/bot-input";
import { enqueueBotReply } from "../bots/enqueue-bot-reply";
import { enqueuePush } from "../push/enqueue-push";

export type TRouteTrigger = "started" | "transferred";

/** What one routing run decided (tests and the job's log read it). */
export type TRoutingDecision = {
  ruleId: string | null;
  ruleName: string | null;
  departmentId: string | null;
  assigneeId: string | null;
  priority: string | null;
  labelId: string | null;
  autoReplied: boolean;
  /** The bot the conversation was handed to (it answers until it hands off). */
  botId: string | null;
  waitingUntil: Date | null;
  awayReplied: boolean;
};

async function loadConversation(tx: TTx, conversationId: string) {
  return tx.conversation.findUnique({
    where: { id: conversationId },
    include: {
      channel: { select: { type: true } },
      dealer: { select: { id: true, timeZone: true, businessHours: true, holidays: true, awayMessage: true } },
      department: { select: { businessHours: true } },
      contact: { select: { id: true, _count: { select: { conversations: true, vehicles: true } } } },
    },
  });
}
type TLoaded = NonNullable<Awaited<ReturnType<typeof loadConversation>>>;

/** The department's own hours where it has them, else the dealer's; holidays and zone are the dealer's. */
export function scheduleOf(c: Pick<TLoaded, "dealer" | "department">): TSchedule {
  const own = c.department?.businessHours;
  return {
    hours: parseBusinessHours(own ?? c.dealer.businessHours),
    holidays: parseHolidays(c.dealer.holidays),
    timeZone: c.dealer.timeZone,
  };
}

async function firstContactMessage(tx: TTx, conversationId: string) {
  return tx.message.findFirst({
    where: { conversationId, authorType: "CONTACT", kind: { in: ["TEXT", "FORM"] } },
    orderBy: { seq: "asc" },
    select: { id: true, body: true },
  });
}

async function factsOf(c: TLoaded, first: { body: string } | null, open: boolean): Promise<TRoutingFacts> {
  return {
    channelType: c.channel.type,
    startPage: c.startPage,
    departmentId: c.departmentId,
    language: c.language,
    firstMessage: first?.body ?? "",
    open,
    returningContact: c.contact._count.conversations > 1,
    hasVehicle: c.contact._count.vehicles > 0 || c.vehicleOfInterest !== null,
  };
}

type TBotTaken = { id: string; name: string; greeting: string | null };

/** The rule's bot, if it is the dealer's and switched on; with its greeting in the contact's language. */
async function botOf(tx: TTx, c: TLoaded, botId: string): Promise<TBotTaken | null> {
  const bot = await tx.bot.findFirst({ where: { id: botId, dealerId: c.dealerId, enabled: true } });
  if (!bot) return null;
  const faq = bot.kind === "FAQ" ? ZFaqBotConfig.safeParse(bot.config) : null;
  const greeting = faq?.success && faq.data.greeting ? inLanguage(faq.data.greeting, c.language) : null;
  return { id: bot.id, name: bot.name, greeting };
}

/**
 * Applies a rule's actions; a department, label, bot or agent that no longer fits is skipped, not
 * an error. A conversation handed to a bot gets no person yet: the bot hands off when it must.
 */
async function applyRule(
  tx: TTx,
  c: TLoaded,
  rule: TParsedRule,
  trigger: TRouteTrigger,
  decision: TRoutingDecision,
): Promise<TBotTaken | null> {
  const { actions } = rule;
  const data: { departmentId?: string; assigneeId?: string; priority?: TLoaded["priority"]; botId?: string } = {};
  const bot = actions.botId && trigger === "started" && !c.assigneeId ? await botOf(tx, c, actions.botId) : null;
  if (bot) data.botId = bot.id;
  let departmentId = c.departmentId;
  // A transfer chose its department; the rule then only assigns within it.
  if (actions.departmentId && trigger === "started") {
    const d = await tx.department.findFirst({
      where: { id: actions.departmentId, dealerId: c.dealerId },
      select: { id: true },
    });
    if (d) departmentId = data.departmentId = d.id;
  }
  if (actions.priority) data.priority = actions.priority;
  if (actions.assign && !c.assigneeId && !bot) {
    // One routing decision at a time per tenant: concurrent arrivals see each other's assignments.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('routing:' || ${c.customerId}))`;
    const online = await onlineAgentIds(c.customerId);
    const chosen = await chooseAgent(
      tx,
      { customerId: c.customerId, dealerId: c.dealerId, departmentId },
      actions.assign,
      online,
    );
    if (chosen) data.assigneeId = chosen;
  }
  if (Object.keys(data).length > 0) await tx.conversation.update({ where: { id: c.id }, data });
  if (actions.labelId) {
    const label = await tx.label.findFirst({
      where: { id: actions.labelId, customerId: c.customerId, OR: [{ dealerId: null }, { dealerId: c.dealerId }] },
      select: { id: true },
    });
    if (label) {
      await tx.conversationLabel.upsert({
        where: { conversationId_labelId: { conversationId: c.id, labelId: label.id } },
        create: { customerId: c.customerId, conversationId: c.id, labelId: label.id },
        update: {},
      });
      decision.labelId = label.id;
    }
  }
  decision.departmentId = data.departmentId ?? null;
  decision.assigneeId = data.assigneeId ?? null;
  decision.priority = data.priority ?? null;
  decision.botId = bot?.id ?? null;
  if (data.assigneeId)
    await recordWebhookEvent(tx, c.customerId, { type: "conversation.assigned", conversationId: c.id });
  return bot;
}

/**
 * The routing job: the dealer's rules for a conversation whose contact just wrote for the first
 * time (`started`) or that an agent transferred to a department without choosing a colleague
 * (`transferred`). The first enabled rule whose conditions hold decides: department, an agent by
 * round robin or least busy within a capacity, priority, label, an automatic reply. Outside
 * business hours the conversation waits for the next opening (shown in the list) and the dealer's
 * away message answers on every channel but the website chat (whose offline form said so
 * already). Every decision is in the conversation's activity. `started` runs once: it claims
 * routedAt first, so a repeated job or the sweep never routes twice.
 */
export async function routeConversation(options: {
  customerId: string;
  conversationId: string;
  trigger: TRouteTrigger;
  now?: Date;
}): Promise<TRoutingDecision | null> {
  const { customerId, conversationId, trigger } = options;
  const now = options.now ?? new Date();
  const replies: (TAppended | null)[] = [];
  let firstMessageId: string | null = null;
  const decision = await withTenant(customerId, async (tx) => {
    if (trigger === "started") {
      const claimed = await tx.$executeRaw`
        UPDATE "Conversation" SET "routedAt" = ${now} WHERE "id" = ${conversationId}::uuid AND "routedAt" IS NULL`;
      if (claimed === 0) return null;
    }
    const c = await loadConversation(tx, conversationId);
    if (!c || c.status === "CLOSED") return null;
    const schedule = scheduleOf(c);
    const open = isOpen(schedule, now);
    const rules = parseRules(
      await tx.routingRule.findMany({
        where: { dealerId: c.dealerId, enabled: true },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      }),
    );
    const decision: TRoutingDecision = {
      ruleId: null,
      ruleName: null,
      departmentId: null,
      assigneeId: null,
      priority: null,
      labelId: null,
      autoReplied: false,
      botId: null,
      waitingUntil: null,
      awayReplied: false,
    };
    const first = await firstContactMessage(tx, c.id);
    firstMessageId = first?.id ?? null;
    const rule = rules.length > 0 ? firstMatchingRule(rules, await factsOf(c, first, open)) : null;
    if (rule) {
      decision.ruleId = rule.id;
      decision.ruleName = rule.name;
      const bot = await applyRule(tx, c, rule, trigger, decision);
      if (bot?.greeting)
        replies.push(
          await appendAutomaticReply(tx, {
            customerId,
            conversationId,
            body: bot.greeting,
            source: "greeting",
            name: bot.name,
            sourceId: bot.id,
            clientId: `greeting-${conversationId}`,
          }),
        );
      if (rule.actions.autoReply && trigger === "started") {
        const reply = await appendAutomaticReply(tx, {
          customerId,
          conversationId,
          body: rule.actions.autoReply,
          source: "routing",
          name: rule.name,
          sourceId: rule.id,
          clientId: `rule-${conversationId}`, // one rule reply per start (a clientId holds at most 64 characters)
        });
        replies.push(reply);
        decision.autoReplied = reply !== null;
      }
    }
    if (trigger === "started" && !open) {
      decision.waitingUntil = nextOpening(schedule, now);
      if (decision.waitingUntil)
        await tx.conversation.update({ where: { id: c.id }, data: { waitingUntil: decision.waitingUntil } });
      if (c.dealer.awayMessage && c.channel.type !== "WIDGET") {
        const reply = await appendAutomaticReply(tx, {
          customerId,
          conversationId,
          body: c.dealer.awayMessage,
          source: "away",
          name: "Away message",
          clientId: `away-${conversationId}`,
        });
        replies.push(reply);
        decision.awayReplied = reply !== null;
      }
    }
    if (rule || decision.waitingUntil) {
      await recordSystemActivity(tx, {
        customerId,
        conversationId,
        action: "routed",
        data: {
          trigger,
          ruleId: decision.ruleId,
          ruleName: decision.ruleName,
          departmentId: decision.departmentId,
          assigneeId: decision.assigneeId,
          priority: decision.priority,
          labelId: decision.labelId,
          botId: decision.botId,
          autoReplied: decision.autoReplied,
          waitingUntil: decision.waitingUntil?.toISOString() ?? null,
          awayReplied: decision.awayReplied,
        },
      });
    }
    return decision;
  });
  for (const reply of replies) await publishAutomaticReply(customerId, reply);
  // The bot answers the message that started the conversation (later ones reach it from appendMessage).
  if (decision?.botId && firstMessageId) await enqueueBotReply(customerId, conversationId, firstMessageId);
  if (decision && (decision.ruleId || decision.waitingUntil)) {
    const summary = await withTenant(customerId, (tx) => conversationSummary(tx, conversationId));
    if (summary) publishConversation(summary);
  }
  // Phones and closed tabs hear of it too (after the rules, so an assignee alone is told).
  if (decision && trigger === "started") await enqueuePush({ customerId, conversationId, kind: "new" });
  return decision;
}
