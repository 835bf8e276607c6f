import { describe, expect, it } from "vitest";
import { can } from "./permissions";

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

  it("denies a principal with no role anything", () => {
    expect(can({}, "settings.profile")).toBe(false);
  });
});
