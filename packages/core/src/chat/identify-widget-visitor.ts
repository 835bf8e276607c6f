import { withTenant, type TTx } from "@forecourt/db";
import { ZWidgetIdentifyRequest, type TIdentityRefusal } from "@forecourt/protocol";
import type { TVisitorPrincipal } from "../principal";
import { ForbiddenError, NotFoundError } from "../errors";
import { getPublicWidget } from "./get-public-widget";
import { publishConversationChanged } from "./publish-conversation-changed";
import { checkWidgetIdentity, contactOfIdentity, identityFields, verifiedIdsOf } from "./widget-identity";

export type TIdentifyResult =
  | { verified: false; reason: TIdentityRefusal }
  /** `restart`: the chat in this browser belongs to someone else; the widget starts a new one. */
  | { verified: true; linked: boolean; restart?: boolean };

/**
 * `Forecourt('identify', …)` from the widget iframe. Without a chat (no visitor) it only
 * answers whether the identity verifies (the start of the chat links it). In a chat:
 * - the chat's contact already holds this id: its name, e-mail and phone are refreshed;
 * - the chat's contact is anonymous: it takes the identity, or, when another contact already
 *   holds it (the same person, another device), the chat moves to that contact;
 * - the chat's contact is another verified person: nothing moves (`restart`).
 * A refused identity changes nothing and reveals nothing about any contact.
 */
export async function identifyWidgetVisitor(options: {
  input: unknown;
  origin: string | null;
  visitor: TVisitorPrincipal | null;
}): Promise<TIdentifyResult> {
  const input = ZWidgetIdentifyRequest.parse(options.input);
  const lookup = await getPublicWidget({ key: input.key, origin: options.origin });
  if (!lookup.ok) throw new ForbiddenError("origin_not_allowed", "This website may not use this chat");
  const { customerId, widget } = lookup;
  const visitor = options.visitor;
  if (visitor && (visitor.customerId !== customerId || visitor.channelId !== widget.channelId)) {
    throw new NotFoundError("conversation");
  }
  const result = await withTenant(customerId, async (tx) => {
    const channel = await tx.channel.findUniqueOrThrow({
      where: { id: widget.channelId },
      select: { secretsEncrypted: true },
    });
    const check = checkWidgetIdentity(channel, input.identity);
    if (!check.ok) return { result: { verified: false, reason: check.reason } as const, changed: [] as string[] };
    if (!visitor) return { result: { verified: true, linked: false } as const, changed: [] };
    const { id } = check.identity;
    const fields = identityFields(check.identity);
    const mine = await verifiedIdsOf(tx, visitor.contactId);
    if (mine.includes(id)) {
      await tx.contact.update({ where: { id: visitor.contactId }, data: fields });
      return { result: { verified: true, linked: true } as const, changed: await openConversationIds(tx, visitor) };
    }
    if (mine.length > 0) return { result: { verified: true, linked: false, restart: true } as const, changed: [] };
    const holder = await contactOfIdentity(tx, customerId, id);
    const changed = await openConversationIds(tx, visitor);
    if (!holder) {
      await tx.contact.update({
        where: { id: visitor.contactId },
        data: { ...fields, identities: { create: { customerId, channelType: "WIDGET", externalId: id } } },
      });
      return { result: { verified: true, linked: true } as const, changed };
    }
    // The same person chatted before: this browser's anonymous chats become theirs.
    const anonymous = visitor.contactId;
    await tx.conversation.updateMany({ where: { contactId: anonymous }, data: { contactId: holder } });
    await tx.vehicle.updateMany({ where: { contactId: anonymous }, data: { contactId: holder } });
    await tx.visitorSession.updateMany({ where: { contactId: anonymous }, data: { contactId: holder } });
    await tx.contact.update({ where: { id: holder }, data: { ...fields, lastEngagedAt: new Date() } });
    await tx.contact.delete({ where: { id: anonymous } });
    return { result: { verified: true, linked: true } as const, changed };
  });
  for (const conversationId of result.changed) publishConversationChanged(conversationId);
  return result.result;
}

async function openConversationIds(tx: TTx, visitor: TVisitorPrincipal): Promise<string[]> {
  const rows = await tx.conversation.findMany({
    where: { contactId: visitor.contactId, channelId: visitor.channelId },
    select: { id: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((r) => r.id);
}
