import type { TChannelType } from "@forecourt/protocol";
import {
  ZRoutingActions,
  ZRoutingConditions,
  type TRoutingActions,
  type TRoutingConditions,
} from "./routing-rule-input";

/** What routing knows about a conversation as it starts (gathered by route-conversation.ts). */
export type TRoutingFacts = {
  channelType: TChannelType;
  startPage: string | null;
  departmentId: string | null;
  language: string | null;
  firstMessage: string;
  open: boolean;
  returningContact: boolean;
  hasVehicle: boolean;
};

export type TParsedRule = { id: string; name: string; conditions: TRoutingConditions; actions: TRoutingActions };

/** Lower-case, without accents, so "Proefrit", "proefrit" and "próefrit" are one word. */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Whether the keyword occurs as a whole word (or phrase) in the text. */
export function containsKeyword(text: string, keyword: string): boolean {
  const words = fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const needle = fold(keyword)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= words.length; i += 1) {
    if (needle.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

/** Whether every condition given holds for these facts. */
export function conditionsHold(c: TRoutingConditions, f: TRoutingFacts): boolean {
  if (c.channelTypes && !c.channelTypes.includes(f.channelType)) return false;
  if (c.pageContains && !(f.startPage ?? "").toLowerCase().includes(c.pageContains.toLowerCase())) return false;
  if (c.departmentIds && !(f.departmentId && c.departmentIds.includes(f.departmentId))) return false;
  if (c.languages && !(f.language && (c.languages as string[]).includes(f.language))) return false;
  if (c.keywords && !c.keywords.some((k) => containsKeyword(f.firstMessage, k))) return false;
  if (c.hours && (c.hours === "open") !== f.open) return false;
  if (c.returningContact !== undefined && c.returningContact !== f.returningContact) return false;
  if (c.hasVehicle !== undefined && c.hasVehicle !== f.hasVehicle) return false;
  return true;
}

/**
 * Stored rules, parsed; a rule whose JSON no longer reads (a department deleted since does not
 * make it unreadable, a hand-edited row might) is skipped rather than breaking routing.
 */
export function parseRules(rows: { id: string; name: string; conditions: unknown; actions: unknown }[]): TParsedRule[] {
  const rules: TParsedRule[] = [];
  for (const row of rows) {
    const conditions = ZRoutingConditions.safeParse(row.conditions);
    const actions = ZRoutingActions.safeParse(row.actions);
    if (conditions.success && actions.success)
      rules.push({ id: row.id, name: row.name, conditions: conditions.data, actions: actions.data });
  }
  return rules;
}

/** The first rule (in the dealer's order) whose conditions all hold; null when none does. */
export function firstMatchingRule(rules: TParsedRule[], facts: TRoutingFacts): TParsedRule | null {
  return rules.find((r) => conditionsHold(r.conditions, facts)) ?? null;
}
