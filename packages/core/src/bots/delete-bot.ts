import { withTenant } from "@forecourt/db";
import type { z } from "zod";
import { assertMay, type TTenantPrincipal } from "../principal";
import { auditRouting } from "../routing/routing-audit";
import { ZBotRef } from "./bot-input";
import { botOf } from "./bot-of";

/** Deletes a bot; its conversations go back to people (botId is set null by the foreign key). */
export async function deleteBot(options: { actor: TTenantPrincipal; input: z.input<typeof ZBotRef> }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZBotRef.parse(options.input);
  return withTenant(actor.tenant.customerId, async (tx) => {
    const bot = await botOf(tx, actor, input.id);
    await tx.bot.delete({ where: { id: bot.id } });
    await auditRouting(tx, actor, "bot.deleted", bot.id, { name: bot.name });
    return { id: bot.id };
  });
}
