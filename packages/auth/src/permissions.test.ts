import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTIONS, can, permissionsMarkdown } from "./permissions";

describe("permission matrix", () => {
  it("lets every tenant role use the inbox", () => {
    for (const tenantRole of ["OWNER", "ADMIN", "SUPERVISOR", "AGENT"] as const) {
      expect(can({ tenantRole }, "inbox.view")).toBe(true);
    }
  });

  it("keeps the provider console for provider support", () => {
    expect(can({ providerRole: "SUPPORT" }, "provider.console")).toBe(true);
    expect(can({ providerRole: "MANAGED_AGENT" }, "provider.console")).toBe(false);
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

  it("is documented in docs/permissions.md exactly as coded (run pnpm docs:permissions)", () => {
    const file = fileURLToPath(new URL("../../../docs/permissions.md", import.meta.url));
    expect(readFileSync(file, "utf8")).toBe(permissionsMarkdown());
  });
});
