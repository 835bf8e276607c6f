import { withTenant } from "@forecourt/db";
import type { z } from "zod";
import { assertMay, type TTenantPrincipal } from "../principal";
import { auditRouting } from "../routing/routing-audit";
import { ZToggleBot } from "./bot-input";
import { botOf } from "./bot-of";

/**
 * Switches a bot on or off. Off, it answers nothing; conversations it holds are handed to people
 * at their next message (run-bot.ts skips, and the agents see them in the queue as always).
 */
export async function toggleBot(options: { actor: TTenantPrincipal; input: z.input<typeof ZToggleBot> }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZToggleBot.parse(options.input);
  return withTenant(actor.tenant.customerId, async (tx) => {
    const bot = await botOf(tx, actor, input.id);
    await tx.bot.update({ where: { id: bot.id }, data: { enabled: input.enabled } });
    await auditRouting(tx, actor, input.enabled ? "bot.enabled" : "bot.disabled", bot.id, {});
    return { id: bot.id };
  });
}
