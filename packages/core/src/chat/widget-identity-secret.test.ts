import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  newIdentitySecret,
  openWidgetSecrets,
  sealWidgetSecrets,
  userHashFor,
  verifyUserHash,
} from "./widget-identity-secret";

const secret = "4f0c1b6f2d0a9e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c";

describe("identity verification (identify's userHash)", () => {
  it("is the hex HMAC-SHA256 of the id, as the docs' Node example computes it", () => {
    const expected = createHmac("sha256", secret).update("user-42").digest("hex");
    expect(userHashFor(secret, "user-42")).toBe(expected);
    expect(verifyUserHash(secret, "user-42", expected)).toBe(true);
    expect(verifyUserHash(secret, "user-42", expected.toUpperCase())).toBe(true);
  });

  it("refuses a hash of another id, with another secret, truncated or not hex", () => {
    const good = userHashFor(secret, "user-42");
    expect(verifyUserHash(secret, "user-43", good)).toBe(false);
    expect(verifyUserHash(newIdentitySecret(), "user-42", good)).toBe(false);
    expect(verifyUserHash(secret, "user-42", good.slice(0, 63))).toBe(false);
    expect(verifyUserHash(secret, "user-42", `${good}00`)).toBe(false);
    expect(verifyUserHash(secret, "user-42", "z".repeat(64))).toBe(false);
    expect(verifyUserHash(secret, "user-42", "")).toBe(false);
    // One flipped digit.
    const flipped = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    expect(verifyUserHash(secret, "user-42", flipped)).toBe(false);
  });

  it("makes a new random 64-hex secret each time, sealed at rest", () => {
    const a = newIdentitySecret();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newIdentitySecret()).not.toBe(a);
    const sealed = sealWidgetSecrets({ identitySecret: a });
    expect(sealed).not.toContain(a);
    expect(openWidgetSecrets(sealed)).toEqual({ identitySecret: a });
    expect(openWidgetSecrets(null)).toBeNull();
    expect(openWidgetSecrets("v1.garbage")).toBeNull();
  });
});
