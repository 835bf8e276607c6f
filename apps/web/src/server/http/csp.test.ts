import { describe, expect, it } from "vitest";
import { dashboardCsp, newNonce } from "./csp";

describe("finding 10: the dashboard's Content-Security-Policy", () => {
  it("is nonce-based and strict, and lets the inbox reach the gateway", () => {
    const csp = dashboardCsp({ nonce: "abc", gatewayUrl: "https://chat.example:8443" });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).toContain("connect-src 'self' https://chat.example:8443 wss://chat.example:8443");
  });

  it("uses a fresh nonce per response", () => {
    expect(newNonce()).not.toBe(newNonce());
  });
});
