/**
 * Plus tier (licence "Plus", order form): the provider's managed agents answer the customer's
 * chats. The one rule for "may a managed agent see and answer this customer's conversations":
 * the customer is on Plus and usable (not suspended, terminated or deleted). The live-chat
 * code calls this before it lists, opens or answers a conversation for a managed agent; their
 * replies are stored with authorType MANAGED_AGENT so the customer can tell them apart.
 */
export function managedAgentMayAccess(customer: { tier: "STANDARD" | "PLUS"; status: string }): boolean {
  return customer.tier === "PLUS" && (customer.status === "ACTIVE" || customer.status === "PENDING");
}
