import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTIONS, PERMISSION_MATRIX, can, permissionsMarkdown, refusalOf } from "./permissions";

describe("permission matrix", () => {
  it("lets every tenant role use the inbox", () => {
    for (const tenantRole of ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"] as const) {
      expect(can({ tenantRole }, "inbox.view")).toBe(true);
    }
  });

  it("keeps the provider console for provider support", () => {
    expect(can({ providerRole: "SUPPORT", twoFactorPassed: true }, "provider.console")).toBe(true);
    expect(can({ providerRole: "MANAGED_AGENT", twoFactorPassed: true }, "provider.console")).toBe(false);
    expect(can({ tenantRole: "OWNER" }, "provider.console")).toBe(false);
  });

  it("gives user management to owners and admins only", () => {
    expect(can({ tenantRole: "ADMIN" }, "settings.users.manage")).toBe(true);
    expect(can({ tenantRole: "SUPERVISOR" }, "settings.users.manage")).toBe(false);
    expect(can({ tenantRole: "AGENT" }, "settings.users.manage")).toBe(false);
  });

  it("denies a principal with no role everything", () => {
    for (const action of ACTIONS) expect(can({}, action)).toBe(false);
  });

  it("allows reads but no writes in a read-only tenant", () => {
    expect(can({ tenantRole: "OWNER", tenantReadOnly: true }, "inbox.view")).toBe(true);
    expect(can({ tenantRole: "OWNER", tenantReadOnly: true }, "data.export")).toBe(true);
    expect(can({ tenantRole: "OWNER", tenantReadOnly: true }, "conversations.reply")).toBe(false);
    expect(can({ tenantRole: "OWNER", tenantReadOnly: true }, "settings.users.manage")).toBe(false);
  });

  it("gives provider rights only to a session that passed two-factor (enrolling excepted)", () => {
    const providerActions = ACTIONS.filter((a) =>
      (PERMISSION_MATRIX[a].roles as readonly string[]).includes("PROVIDER_SUPPORT"),
    );
    expect(providerActions).toContain("provider.subscriptions.manage");
    for (const action of providerActions) {
      expect(can({ providerRole: "SUPPORT", twoFactorPassed: true }, action)).toBe(true);
      const expected = action === "settings.profile" ? null : "two_factor_required";
      expect(refusalOf({ providerRole: "SUPPORT", twoFactorPassed: false }, action)).toBe(expected);
    }
    // A tenant role does not need the second factor for its own tenant's actions.
    expect(can({ tenantRole: "ADMIN", twoFactorPassed: false }, "audit.view")).toBe(true);
  });

  it("names the reason: read-only tenants refuse writes with read_only", () => {
    expect(refusalOf({ tenantRole: "ADMIN", tenantReadOnly: true }, "settings.users.manage")).toBe("read_only");
    expect(refusalOf({ tenantRole: "AGENT", tenantReadOnly: true }, "settings.users.manage")).toBe("forbidden");
  });

  it("is documented in docs/permissions.md exactly as coded (run pnpm docs:permissions)", () => {
    const file = fileURLToPath(new URL("../../../docs/permissions.md", import.meta.url));
    expect(readFileSync(file, "utf8")).toBe(permissionsMarkdown());
  });
});
