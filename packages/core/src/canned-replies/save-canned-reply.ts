import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { ZCannedReplyInput } from "@forecourt/protocol";
import { InvalidInputError, NotFoundError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { assertMay, type TTenantPrincipal } from "../principal";
import { assertDealerExists, assertMayManageDealer } from "./canned-reply-scope";

export const ZSaveCannedReply = ZCannedReplyInput.extend({ id: z.uuid().optional() });

const taken = (shortcut: string) =>
  new InvalidInputError(`The shortcut /${shortcut} is already used for this dealer.`, [
    { path: "shortcut", message: "Already used for this dealer." },
  ]);

/**
 * Creates or changes a canned reply (audited). Shortcuts are unique per dealer and among the
 * shared replies; the database's unique index cannot see two shared ones (NULL dealer ids are
 * distinct), so a transaction-scoped advisory lock per customer and shortcut closes that race.
 */
export async function saveCannedReply(options: { actor: TTenantPrincipal; input: z.input<typeof ZSaveCannedReply> }) {
  const { actor } = options;
  assertMay(actor, "canned_replies.manage");
  const input = ZSaveCannedReply.parse(options.input);
  assertMayManageDealer(actor, input.dealerId);
  const { customerId } = actor.tenant;
  try {
    return await withTenant(customerId, async (tx) => {
      await assertDealerExists(tx, input.dealerId);
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`canned|${customerId}|${input.shortcut}`}, 0))`;
      const clash = await tx.cannedReply.findFirst({
        where: {
          customerId,
          dealerId: input.dealerId,
          shortcut: input.shortcut,
          ...(input.id ? { id: { not: input.id } } : {}),
        },
        select: { id: true },
      });
      if (clash) throw taken(input.shortcut);
      const data = { dealerId: input.dealerId, shortcut: input.shortcut, title: input.title, body: input.body };
      let id = input.id;
      if (id) {
        const existing = await tx.cannedReply.findUnique({ where: { id } });
        if (!existing) throw new NotFoundError("canned reply");
        assertMayManageDealer(actor, existing.dealerId);
        await tx.cannedReply.update({ where: { id }, data });
      } else id = (await tx.cannedReply.create({ data: { customerId, ...data }, select: { id: true } })).id;
      await tx.auditEvent.create({
        data: {
          customerId,
          actorUserId: actor.userId,
          action: input.id ? "canned_reply.updated" : "canned_reply.created",
          targetType: "CannedReply",
          targetId: id,
          data: { shortcut: input.shortcut, dealerId: input.dealerId },
        },
      });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.shortcut);
    throw error;
  }
}
