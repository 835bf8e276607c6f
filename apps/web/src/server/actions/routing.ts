"use server";

import { formObject, runAction, type TActionState } from "@/server/action-helpers";
import {
  handleDeleteBot,
  handleDeleteRoutingRule,
  handleSaveBot,
  handleToggleBot,
  handleMoveRoutingRule,
  handleSaveBusinessHours,
  handleSaveRoutingRule,
  handleToggleRoutingRule,
} from "@/server/handlers/routing";

const PATHS = ["/settings/routing"];

/** The rule and hours editors send their nested value as one JSON field; unreadable JSON reaches zod as is (a 400 with a message). */
function payloadOf(form: FormData): unknown {
  const raw = String(form.get("payload") ?? "");
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function saveRoutingRuleAction(_: TActionState, form: FormData) {
  return runAction(handleSaveRoutingRule, payloadOf(form), PATHS);
}
export async function saveBusinessHoursAction(_: TActionState, form: FormData) {
  return runAction(handleSaveBusinessHours, payloadOf(form), PATHS);
}
export async function moveRoutingRuleAction(_: TActionState, form: FormData) {
  return runAction(handleMoveRoutingRule, formObject(form), PATHS);
}
export async function toggleRoutingRuleAction(_: TActionState, form: FormData) {
  const { id, enabled } = formObject(form);
  return runAction(handleToggleRoutingRule, { id, enabled: enabled === "true" }, PATHS);
}
export async function deleteRoutingRuleAction(_: TActionState, form: FormData) {
  return runAction(handleDeleteRoutingRule, formObject(form), PATHS);
}
export async function saveBotAction(_: TActionState, form: FormData) {
  return runAction(handleSaveBot, payloadOf(form), PATHS);
}
export async function toggleBotAction(_: TActionState, form: FormData) {
  const { id, enabled } = formObject(form);
  return runAction(handleToggleBot, { id, enabled: enabled === "true" }, PATHS);
}
export async function deleteBotAction(_: TActionState, form: FormData) {
  return runAction(handleDeleteBot, formObject(form), PATHS);
}
