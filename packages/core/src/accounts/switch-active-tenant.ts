import { z } from "zod";
import { appDb, withUser } from "@forecourt/db";

export const ZSwitchActiveTenant = z.object({ customerId: z.uuid() });

/** Makes another of the user's own tenants the active one for this session. */
export async function switchActiveTenant(options: {
  sessionId: string;
  userId: string;
  input: z.input<typeof ZSwitchActiveTenant>;
}): Promise<{ ok: true } | { ok: false; reason: "not_a_member" }> {
  const { customerId } = ZSwitchActiveTenant.parse(options.input);
  const membership = await withUser(options.userId, (tx) =>
    tx.membership.findFirst({ where: { userId: options.userId, customerId, status: "ACTIVE" } }),
  );
  if (!membership) return { ok: false, reason: "not_a_member" };
  await appDb().userSession.update({
    where: { id: options.sessionId, userId: options.userId },
    data: { activeCustomerId: customerId },
  });
  return { ok: true };
}
