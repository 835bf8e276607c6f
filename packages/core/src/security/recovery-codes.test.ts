import { describe, expect, it } from "vitest";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are XXXXX-XXXXX from an alphabet without look-alikes, and differ", () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are read without case, spaces or dashes, and never mistaken for a TOTP code", () => {
    const code = newRecoveryCode();
    const typed = ` ${code.toLowerCase().replace("-", " ")} `;
    expect(normaliseRecoveryCode(typed)).toBe(code.replace("-", ""));
    expect(hashRecoveryCode(normaliseRecoveryCode(typed)!)).toBe(hashRecoveryCode(normaliseRecoveryCode(code)!));
    expect(looksLikeRecoveryCode("123456")).toBe(false);
    expect(looksLikeRecoveryCode("ABCDE-FGHI0")).toBe(false); // 0 is not in the alphabet
    expect(looksLikeRecoveryCode("ABCDE-FGHJ")).toBe(false); // too short
  });
});
