import { z } from "zod";
import { withTenant } from "@forecourt/db";
import { NotFoundError } from "../errors";
import { assertMay, type TTenantPrincipal } from "../principal";
import { assertMayManageDealer } from "./canned-reply-scope";

export const ZDeleteCannedReply = z.object({ id: z.uuid() });

/** Deletes a canned reply the actor manages (audited). */
export async function deleteCannedReply(options: {
  actor: TTenantPrincipal;
  input: z.input<typeof ZDeleteCannedReply>;
}) {
  const { actor } = options;
  assertMay(actor, "canned_replies.manage");
  const { id } = ZDeleteCannedReply.parse(options.input);
  await withTenant(actor.tenant.customerId, async (tx) => {
    const existing = await tx.cannedReply.findUnique({ where: { id } });
    if (!existing) throw new NotFoundError("canned reply");
    assertMayManageDealer(actor, existing.dealerId);
    await tx.cannedReply.delete({ where: { id } });
    await tx.auditEvent.create({
      data: {
        customerId: actor.tenant.customerId,
        actorUserId: actor.userId,
        action: "canned_reply.deleted",
        targetType: "CannedReply",
        targetId: id,
        data: { shortcut: existing.shortcut, dealerId: existing.dealerId },
      },
    });
  });
  return { deleted: true };
}
