import { API_SCOPES, type TApiScope } from "@forecourt/auth";
import { ownerDb } from "@forecourt/testing";
import { newApiKeyToken } from "./api-key-token";

/** An API key of a customer, with every scope unless told. For tests only. */
export async function createTestApiKey(
  customerId: string,
  options: { scopes?: readonly TApiScope[]; dealerIds?: string[]; name?: string } = {},
) {
  const { token, prefix, keyHash } = newApiKeyToken(customerId);
  const key = await ownerDb().apiKey.create({
    data: {
      customerId,
      name: options.name ?? "Test integration",
      prefix,
      keyHash,
      scopes: [...(options.scopes ?? API_SCOPES)],
      dealerIds: options.dealerIds ?? [],
    },
  });
  return { key, token };
}

/** A conversation with a contact on one of the customer's channels, written directly. For tests only. */
export async function createTestConversation(options: {
  customerId: string;
  dealerId: string;
  channelId: string;
  contactName?: string;
}) {
  const contact = await ownerDb().contact.create({
    data: { customerId: options.customerId, name: options.contactName ?? "Api Contact" },
  });
  const conversation = await ownerDb().conversation.create({
    data: {
      customerId: options.customerId,
      dealerId: options.dealerId,
      channelId: options.channelId,
      contactId: contact.id,
    },
  });
  return { contact, conversation };
}
