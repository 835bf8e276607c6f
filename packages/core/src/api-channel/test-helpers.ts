import { ownerDb } from "@forecourt/testing";
import { identifierHashOf, newApiChannelSecret, newInboxIdentifier, sealApiChannelSecrets } from "./api-channel-keys";

/** An API channel on a dealer, as connectApiChannel leaves it, with its secret and a hash helper. For tests only. */
export async function createApiChannel(tenant: { customer: { id: string }; dealer: { id: string } }, name = "App") {
  const hmacSecret = newApiChannelSecret();
  const inboxIdentifier = newInboxIdentifier(tenant.customer.id);
  const channel = await ownerDb().channel.create({
    data: {
      customerId: tenant.customer.id,
      dealerId: tenant.dealer.id,
      type: "API",
      name,
      publicKey: inboxIdentifier,
      config: {},
      secretsEncrypted: sealApiChannelSecrets({ hmacSecret }),
    },
  });
  return {
    channel,
    inboxIdentifier,
    hmacSecret,
    hashOf: (identifier: string) => identifierHashOf(hmacSecret, identifier),
  };
}
