import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import type { TTenantPrincipal } from "../principal";
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
