import { describe, expect, it } from "vitest";
import { currentTotp, newTotpSecret, totpUri, verifyTotp } from "./totp";

describe("TOTP", () => {
  it("accepts the current code and refuses others", () => {
    const secret = newTotpSecret();
    const code = currentTotp(secret);
    expect(verifyTotp(secret, code)).toBe(true);
    expect(verifyTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `)).toBe(true);
    expect(verifyTotp(secret, code === "000000" ? "111111" : "000000")).toBe(false);
    expect(verifyTotp(secret, "12345")).toBe(false);
    expect(verifyTotp(newTotpSecret(), code)).toBe(false);
  });
  it("builds an otpauth URI for authenticator apps", () => {
    expect(totpUri("JBSWY3DPEHPK3PXP", "a@b.example")).toBe(
      "otpauth://totp/Forecourt:a%40b.example?secret=JBSWY3DPEHPK3PXP&issuer=Forecourt",
    );
  });
});
