import { z } from "zod";
import { appDb, withUser } from "@forecourt/db";
import { ForbiddenError, NotFoundError } from "../errors";
import type { TUserPrincipal } from "../principal";

export const ZSwitchActiveTenant = z.object({ customerId: z.uuid() });

/** Makes another of the user's own tenants the active one for this session. */
export async function switchActiveTenant(options: {
  actor: TUserPrincipal;
  input: z.input<typeof ZSwitchActiveTenant>;
}): Promise<{ customerId: string }> {
  const { actor } = options;
  const { customerId } = ZSwitchActiveTenant.parse(options.input);
  if (!actor.sessionId) throw new ForbiddenError();
  const membership = await withUser(actor.userId, (tx) =>
    tx.membership.findFirst({ where: { userId: actor.userId, customerId, status: "ACTIVE" } }),
  );
  if (!membership) throw new NotFoundError("membership");
  await appDb().userSession.update({
    where: { id: actor.sessionId, userId: actor.userId },
    data: { activeCustomerId: customerId },
  });
  return { customerId };
}
