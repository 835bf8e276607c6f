import { z } from "zod";
import { ZChannelType, ZConversationPriority } from "@forecourt/protocol";

/** The languages a condition can name (the ones the widget ships). */
export const ROUTING_LANGUAGES = ["en", "nl", "da", "de"] as const;

const ZKeyword = z.string().trim().min(1).max(60);

/**
 * When a rule applies: every condition given must hold (an empty object matches every
 * conversation). Lists match any of their entries.
 */
export const ZRoutingConditions = z
  .object({
    channelTypes: z.array(ZChannelType).min(1).max(7).optional(),
    /** Part of the address of the page the website chat started on (case-insensitive). */
    pageContains: z.string().trim().min(1).max(200).optional(),
    /** The department chosen in the pre-chat form. */
    departmentIds: z.array(z.uuid()).min(1).max(20).optional(),
    languages: z.array(z.enum(ROUTING_LANGUAGES)).min(1).max(4).optional(),
    /** Any of these words in the contact's first message (case- and accent-insensitive, whole words). */
    keywords: z.array(ZKeyword).min(1).max(20).optional(),
    hours: z.enum(["open", "closed"]).optional(),
    returningContact: z.boolean().optional(),
    hasVehicle: z.boolean().optional(),
  })
  .strict();
export type TRoutingConditions = z.infer<typeof ZRoutingConditions>;

export const ZRoutingAssign = z.object({
  strategy: z.enum(["round_robin", "least_busy"]),
  /** At most this many open conversations per agent; a full agent is skipped. */
  capacity: z.number().int().min(1).max(100),
});

/** What a matching rule does; at least one action. */
export const ZRoutingActions = z
  .object({
    departmentId: z.uuid().optional(),
    assign: ZRoutingAssign.optional(),
    priority: ZConversationPriority.optional(),
    labelId: z.uuid().optional(),
    autoReply: z.string().trim().min(1).max(1000).optional(),
    /** Hands the conversation to this bot of the dealer until it hands off to a person. */
    botId: z.uuid().optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), { message: "Choose at least one action" });
export type TRoutingActions = z.infer<typeof ZRoutingActions>;

export const ZSaveRoutingRule = z.object({
  id: z.uuid().optional(),
  dealerId: z.uuid(),
  name: z.string().trim().min(1, "Give the rule a name").max(80),
  enabled: z.boolean().default(true),
  conditions: ZRoutingConditions,
  actions: ZRoutingActions,
});
export type TSaveRoutingRule = z.input<typeof ZSaveRoutingRule>;

export const ZRoutingRuleRef = z.object({ id: z.uuid() });
export const ZMoveRoutingRule = z.object({ id: z.uuid(), direction: z.enum(["up", "down"]) });
export const ZToggleRoutingRule = z.object({ id: z.uuid(), enabled: z.boolean() });
