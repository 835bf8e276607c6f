import { withTenant } from "@forecourt/db";
import { customerIdOfInboxIdentifier, openApiChannelSecrets } from "./api-channel-keys";

export type TApiInbox = {
  customerId: string;
  dealerId: string;
  channelId: string;
  name: string;
  hmacSecret: string;
  departments: { id: string; name: string }[];
};

/**
 * The active API channel an inbox identifier names, of an active (or pending) customer; null
 * for anything else, so an unknown, disabled or terminated inbox all answer the same 404.
 */
export async function findApiInbox(inboxIdentifier: string): Promise<TApiInbox | null> {
  const customerId = customerIdOfInboxIdentifier(inboxIdentifier);
  if (!customerId) return null;
  return withTenant(customerId, async (tx) => {
    const channel = await tx.channel.findUnique({
      where: { publicKey: inboxIdentifier },
      include: { dealer: { include: { departments: { orderBy: { name: "asc" } } } } },
    });
    if (!channel || channel.customerId !== customerId || channel.type !== "API" || channel.status !== "ACTIVE")
      return null;
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { status: true } });
    if (!customer || !["ACTIVE", "PENDING"].includes(customer.status)) return null;
    const secrets = openApiChannelSecrets(channel.secretsEncrypted);
    if (!secrets) return null;
    return {
      customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      name: channel.name,
      hmacSecret: secrets.hmacSecret,
      departments: channel.dealer.departments.map((d) => ({ id: d.id, name: d.name })),
    };
  });
}
