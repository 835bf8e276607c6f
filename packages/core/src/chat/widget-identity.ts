import type { TTx } from "@forecourt/db";
import type { TIdentityRefusal, TWidgetIdentity } from "@forecourt/protocol";
import { openWidgetSecrets, verifyUserHash } from "./widget-identity-secret";

/*
 * Identity verification of the widget (`Forecourt('identify', …)`), shared by the start of a
 * chat and by identify during one. A verified identity is a ContactIdentity (WIDGET, the
 * dealer's user id), so the same person on another device or visit is the same contact.
 * Anonymous chats get an identity `anon:<uuid>`, which a dealer's id can never collide with
 * in meaning: only our own code writes that prefix.
 */

export const ANONYMOUS_PREFIX = "anon:";

export type TIdentityCheck = { ok: true; identity: TWidgetIdentity } | { ok: false; reason: TIdentityRefusal };

/** Whether the channel's secret signs the identity's id. Name and e-mail count only when it does. */
export function checkWidgetIdentity(
  channel: { secretsEncrypted: string | null },
  identity: TWidgetIdentity,
): TIdentityCheck {
  if (!identity.userHash) return { ok: false, reason: "missing_hash" };
  const secrets = openWidgetSecrets(channel.secretsEncrypted);
  if (!secrets) return { ok: false, reason: "no_secret" };
  if (!verifyUserHash(secrets.identitySecret, identity.id, identity.userHash))
    return { ok: false, reason: "invalid_hash" };
  return { ok: true, identity };
}

/** The contact fields a verified identity fills (what the dealer's own system knows wins). */
export function identityFields(identity: TWidgetIdentity) {
  return {
    ...(identity.name ? { name: identity.name } : {}),
    ...(identity.email ? { email: identity.email.toLowerCase() } : {}),
    ...(identity.phone ? { phone: identity.phone } : {}),
  };
}

/** The contact that holds this verified identity in the tenant, or null. */
export async function contactOfIdentity(tx: TTx, customerId: string, id: string): Promise<string | null> {
  const found = await tx.contactIdentity.findUnique({
    where: { customerId_channelType_externalId: { customerId, channelType: "WIDGET", externalId: id } },
    select: { contactId: true },
  });
  return found?.contactId ?? null;
}

/** The verified widget ids a contact holds (its anonymous `anon:` identity is not one). */
export async function verifiedIdsOf(tx: TTx, contactId: string): Promise<string[]> {
  const rows = await tx.contactIdentity.findMany({
    where: { contactId, channelType: "WIDGET", NOT: { externalId: { startsWith: ANONYMOUS_PREFIX } } },
    select: { externalId: true },
  });
  return rows.map((r) => r.externalId);
}
