import { appDb } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";
import { ZPushEndpoint } from "./push-input";

/** This browser stops receiving the user's notifications (only the user's own row can go). */
export async function deletePushSubscription(options: { actor: TUserPrincipal; input: unknown }) {
  const { endpoint } = ZPushEndpoint.parse(options.input);
  const { count } = await appDb().pushSubscription.deleteMany({ where: { endpoint, userId: options.actor.userId } });
  return { ok: true as const, removed: count };
}
