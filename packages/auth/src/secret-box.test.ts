import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box (AES-256-GCM)", () => {
  const key = randomBytes(32).toString("base64");

  it("seals to v1.<iv>.<tag>.<data> and opens again; every seal differs", () => {
    const a = sealSecret('{"accessToken":"EAAG…"}', key);
    expect(a).toMatch(/^v1\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(sealSecret('{"accessToken":"EAAG…"}', key)).not.toBe(a);
    expect(openSecret(a, key)).toBe('{"accessToken":"EAAG…"}');
  });

  it("refuses another key, a changed byte and a key of the wrong size", () => {
    const sealed = sealSecret("secret", key);
    expect(() => openSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
    const [v, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openSecret([v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow();
    expect(() => sealSecret("x", randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => openSecret("plain", key)).toThrow(/Not a sealed secret/);
  });
});
