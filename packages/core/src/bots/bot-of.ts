import type { TTx } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { NotFoundError } from "../errors";
import type { TTenantPrincipal } from "../principal";

/** A bot of one of the actor's dealers, or 404. */
export async function botOf(tx: TTx, actor: TTenantPrincipal, id: string) {
  const bot = await tx.bot.findUnique({ where: { id } });
  if (!bot || !agentMaySeeDealer(actor, bot.dealerId)) throw new NotFoundError("bot");
  return bot;
}
