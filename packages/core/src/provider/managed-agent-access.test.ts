import { describe, expect, it } from "vitest";
import { managedAgentMayAccess } from "./managed-agent-access";

describe("managedAgentMayAccess", () => {
  it("admits managed agents to active Plus customers only", () => {
    expect(managedAgentMayAccess({ tier: "PLUS", status: "ACTIVE" })).toBe(true);
    expect(managedAgentMayAccess({ tier: "PLUS", status: "PENDING" })).toBe(true);
    expect(managedAgentMayAccess({ tier: "STANDARD", status: "ACTIVE" })).toBe(false);
    expect(managedAgentMayAccess({ tier: "PLUS", status: "SUSPENDED" })).toBe(false);
    expect(managedAgentMayAccess({ tier: "PLUS", status: "TERMINATED" })).toBe(false);
  });
});
