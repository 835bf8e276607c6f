import { withTenant, type Prisma } from "@forecourt/db";
import { agentMaySeeDealer } from "../chat/dealer-scope";
import { InvalidInputError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { assertMay, type TTenantPrincipal } from "../principal";
import { auditRouting } from "../routing/routing-audit";
import { newWebhookSecret } from "../webhooks/webhook-secret";
import { ZSaveBot, type TSaveBot } from "./bot-input";

const taken = () =>
  new InvalidInputError("This dealer already has a bot with that name.", [
    { path: "name", message: "Already used at this dealer." },
  ]);

/**
 * Creates a bot for one of the actor's dealers or changes one (audited). A new webhook bot gets
 * its signing secret, returned once here (only its encrypted form is kept). A bot never changes
 * kind or dealer.
 */
export async function saveBot(options: { actor: TTenantPrincipal; input: TSaveBot }) {
  const { actor } = options;
  assertMay(actor, "settings.routing.manage");
  const input = ZSaveBot.parse(options.input);
  if (!agentMaySeeDealer(actor, input.dealerId)) throw new NotFoundError("dealer");
  const { customerId } = actor.tenant;
  try {
    return await withTenant(customerId, async (tx) => {
      const dealer = await tx.dealer.findUnique({ where: { id: input.dealerId }, select: { id: true } });
      if (!dealer) throw new NotFoundError("dealer");
      const config = input.config as Prisma.InputJsonObject;
      if (input.id) {
        const existing = await tx.bot.findUnique({ where: { id: input.id } });
        if (!existing || existing.dealerId !== dealer.id || existing.kind !== input.kind)
          throw new NotFoundError("bot");
        await tx.bot.update({ where: { id: existing.id }, data: { name: input.name, config } });
        await auditRouting(tx, actor, "bot.updated", existing.id, { name: input.name, kind: input.kind });
        return { id: existing.id, secret: null };
      }
      const secret = input.kind === "WEBHOOK" ? newWebhookSecret() : null;
      const bot = await tx.bot.create({
        data: {
          customerId,
          dealerId: dealer.id,
          name: input.name,
          kind: input.kind,
          config,
          secretEncrypted: secret?.sealed ?? null,
        },
        select: { id: true },
      });
      await auditRouting(tx, actor, "bot.created", bot.id, { name: input.name, kind: input.kind, dealerId: dealer.id });
      return { id: bot.id, secret: secret?.secret ?? null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
