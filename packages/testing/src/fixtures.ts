import { hashPassword } from "@forecourt/auth";
import { ownerDb } from "./owner-db";

/** A fresh customer with one dealer, unique per call so tests never collide. */
export async function createTestTenant(label = "Tenant") {
  const suffix = crypto.randomUUID().slice(0, 8);
  const customer = await ownerDb().customer.create({
    data: { name: `${label} ${suffix}`, kind: "DEALER_GROUP", status: "ACTIVE" },
  });
  const dealer = await ownerDb().dealer.create({
    data: { customerId: customer.id, name: `${label} ${suffix} Dealer` },
  });
  return { customer, dealer };
}

/** A user with a known password, optionally a member of a customer. */
export async function createTestUser(
  options: {
    password?: string;
    customerId?: string;
    role?: "OWNER" | "ADMIN" | "SUPERVISOR" | "AGENT";
    providerRole?: "SUPPORT" | "MANAGED_AGENT";
    status?: "ACTIVE" | "SUSPENDED";
  } = {},
) {
  const password = options.password ?? "a-test-password-123";
  const user = await ownerDb().user.create({
    data: {
      email: `user-${crypto.randomUUID()}@test.example`,
      name: "Test User",
      passwordHash: await hashPassword(password),
      providerRole: options.providerRole ?? null,
      status: options.status ?? "ACTIVE",
    },
  });
  if (options.customerId) {
    await ownerDb().membership.create({
      data: { customerId: options.customerId, userId: user.id, role: options.role ?? "AGENT" },
    });
  }
  return { user, password };
}
