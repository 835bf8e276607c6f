import { describe, expect, it } from "vitest";
import { clientAddress, compileTrustedProxies } from "./client-address";
import { parseConfig } from "./index";

const none = compileTrustedProxies([]);
const lb = compileTrustedProxies(["10.0.0.0/8"]);

describe("clientAddress (finding 2: X-Forwarded-For is not trusted by default)", () => {
  it("ignores X-Forwarded-For from a client when no proxy is trusted", () => {
    expect(clientAddress({ remoteAddress: "203.0.113.9", forwardedFor: "1.2.3.4" }, none)).toBe("203.0.113.9");
  });

  it("ignores X-Forwarded-For sent by an untrusted peer even when proxies are configured", () => {
    expect(clientAddress({ remoteAddress: "203.0.113.9", forwardedFor: "1.2.3.4" }, lb)).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For only through trusted proxies", () => {
    // The client forged "1.2.3.4"; the load balancer appended the address it really saw.
    expect(clientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7" }, lb)).toBe(
      "198.51.100.7",
    );
    expect(clientAddress({ remoteAddress: "10.0.0.2", forwardedFor: "198.51.100.7, 10.0.0.3" }, lb)).toBe(
      "198.51.100.7",
    );
  });

  it("gives an IPv4 client one address on a dual-stack socket", () => {
    expect(clientAddress({ remoteAddress: "::ffff:203.0.113.9", forwardedFor: undefined }, none)).toBe("203.0.113.9");
  });

  it("reads TRUSTED_PROXIES as a list and refuses nonsense", () => {
    const base = {
      APP_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      APP_DATABASE_PASSWORD: "a-long-password",
      VAPID_PUBLIC_KEY: Buffer.alloc(65, 4).toString("base64url"),
      VAPID_PRIVATE_KEY: Buffer.alloc(32, 9).toString("base64url"),
    };
    expect(parseConfig(base).TRUSTED_PROXIES).toEqual([]);
    expect(parseConfig({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, 192.168.1.1" }).TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "192.168.1.1",
    ]);
    expect(() => parseConfig({ ...base, TRUSTED_PROXIES: "not-an-ip" })).toThrow(/TRUSTED_PROXIES/);
  });
});
