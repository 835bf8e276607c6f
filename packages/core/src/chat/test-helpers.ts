import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import type { TTenantPrincipal, TVisitorPrincipal } from "../principal";
import { testMemberPrincipal } from "../test-principals";
import { newWidgetKey } from "./keys";

export const TEST_ORIGIN = "http://dealer.test:8080";

/** A tenant with a widget channel allowed on TEST_ORIGIN, and an unscoped agent. For tests only. */
export async function createChatTenant(label = "Chat") {
  const { customer, dealer } = await createTestTenant(label);
  const channel = await ownerDb().channel.create({
    data: {
      customerId: customer.id,
      dealerId: dealer.id,
      type: "WIDGET",
      name: "Website",
      publicKey: newWidgetKey(customer.id),
      config: { allowedOrigins: [TEST_ORIGIN], preChat: { name: "required", email: "optional", phone: "off" } },
    },
  });
  const { user } = await createTestUser({ customerId: customer.id, role: "AGENT" });
  const agent: TTenantPrincipal = testMemberPrincipal(user.id, customer.id, "AGENT", { name: user.name });
  return { customer, dealer, channel, user, agent };
}

/** The website visitor of a chat started with startVisitorConversation, as the gateway resolves them. For tests only. */
export function visitorOf(
  t: { customer: { id: string }; channel: { id: string }; dealer: { id: string } },
  contactId: string,
): TVisitorPrincipal {
  return {
    kind: "visitor",
    sessionId: "",
    customerId: t.customer.id,
    channelId: t.channel.id,
    contactId,
    dealerId: t.dealer.id,
    ip: null,
  };
}
