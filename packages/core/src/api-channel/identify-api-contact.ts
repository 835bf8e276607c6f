import { getConfig } from "@forecourt/config";
import { withTenant } from "@forecourt/db";
import { ZClientIdentify, type TClientContactSession, type TClientIdentify } from "@forecourt/protocol/api-channel";
import { newVisitorToken } from "../chat/keys";
import { NotFoundError, UnauthenticatedError } from "../errors";
import { isUniqueViolation } from "../infra/unique-violation";
import { apiIdentityExternalId, identifierHashValid } from "./api-channel-keys";
import { findApiInbox } from "./find-api-inbox";

/**
 * An OEM app identifies its user (Chatwoot's identity validation): the identifier with its
 * HMAC under the channel's secret, which only the customer's backend knows. A valid hash finds
 * or creates the contact (its identity is per channel) and opens a visitor session for it, the
 * widget's kind: the token it answers is the contact's bearer for the Client API and the
 * gateway's /visitor namespace alike, so the app's user is one visitor principal, one code path.
 * A forged hash is refused before anything is read or written for the identifier.
 */
export async function identifyApiContact(options: {
  inboxIdentifier: string;
  input: TClientIdentify;
}): Promise<TClientContactSession> {
  const input = ZClientIdentify.parse(options.input);
  const inbox = await findApiInbox(options.inboxIdentifier);
  if (!inbox) throw new NotFoundError("inbox");
  if (!identifierHashValid(inbox.hmacSecret, input.identifier, input.identifierHash)) {
    throw new UnauthenticatedError("identifierHash does not match identifier for this inbox");
  }
  const { customerId, channelId } = inbox;
  const externalId = apiIdentityExternalId(channelId, input.identifier);
  const { token, tokenHash } = newVisitorToken(customerId);
  // Only what the app sent is written over; a field it leaves out keeps what the agent may have edited.
  const details = {
    ...(input.name !== undefined ? { name: input.name || null } : {}),
    ...(input.email !== undefined ? { email: input.email.toLowerCase() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
  };

  const attempt = () =>
    withTenant(customerId, async (tx) => {
      const identity = await tx.contactIdentity.findUnique({
        where: { customerId_channelType_externalId: { customerId, channelType: "API", externalId } },
        select: { contactId: true },
      });
      let contactId = identity?.contactId;
      const created = !contactId;
      if (contactId) {
        if (Object.keys(details).length > 0) await tx.contact.update({ where: { id: contactId }, data: details });
      } else {
        const now = new Date();
        const contact = await tx.contact.create({
          data: {
            customerId,
            ...details,
            // The app's terms with its user: the customer's contract with them (RULES.md §6, T 7.1).
            legalBasis: "CONTRACT",
            legalBasisNote: `Identified by the app connected through the API channel "${inbox.name}"`,
            legalBasisRecordedAt: now,
            identities: { create: { customerId, channelType: "API", externalId } },
          },
        });
        contactId = contact.id;
      }
      await tx.visitorSession.create({ data: { customerId, channelId, contactId, tokenHash } });
      return { contactId, created };
    });

  let result: { contactId: string; created: boolean };
  try {
    result = await attempt();
  } catch (error) {
    // Two first identifies raced: the other created the identity; this one now finds it.
    if (!isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  return {
    contactId: result.contactId,
    contactToken: token,
    gatewayUrl: getConfig().GATEWAY_URL,
    created: result.created,
  };
}
