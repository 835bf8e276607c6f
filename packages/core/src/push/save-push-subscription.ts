import { appDb } from "@forecourt/db";
import type { TUserPrincipal } from "../principal";
import { encryptSecret } from "../crypto/secret-box";
import { ZPushSubscription } from "./push-input";
import { assertPushServiceEndpoint } from "./push-service-hosts";

/** A user keeps at most this many devices; a new one beyond replaces the oldest. */
export const MAX_DEVICES_PER_USER = 10;

/**
 * Saves this browser's push subscription for the signed-in user (Settings or the inbox's bell).
 * One row per endpoint: a browser shared by two people notifies whoever subscribed last.
 */
export async function savePushSubscription(options: { actor: TUserPrincipal; input: unknown }) {
  const input = ZPushSubscription.parse(options.input);
  assertPushServiceEndpoint(input.endpoint);
  const userId = options.actor.userId;
  const data = { userId, p256dh: input.keys.p256dh, authEncrypted: encryptSecret(input.keys.auth) };
  await appDb().$transaction(async (tx) => {
    await tx.pushSubscription.upsert({
      where: { endpoint: input.endpoint },
      create: { endpoint: input.endpoint, ...data },
      update: data,
    });
    const extra = await tx.pushSubscription.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      skip: MAX_DEVICES_PER_USER,
      select: { id: true },
    });
    if (extra.length > 0) await tx.pushSubscription.deleteMany({ where: { id: { in: extra.map((e) => e.id) } } });
  });
  return { ok: true as const };
}
