import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("passwordProblem", () => {
  it("requires the minimum length", () => {
    expect(passwordProblem("x".repeat(PASSWORD_MIN_LENGTH - 1))).toBe("too_short");
    expect(passwordProblem("glacier-otter-47")).toBeNull();
  });
  it("refuses breached passwords, case-insensitively and with trailing symbols", () => {
    expect(passwordProblem("password1234")).toBe("breached");
    expect(passwordProblem("PassWord1234")).toBe("breached");
    expect(passwordProblem("qwertyuiop123")).toBe("breached");
    expect(passwordProblem("liverpool2024!!")).toBe("breached");
  });
  it("refuses a password built on the e-mail's name", () => {
    expect(passwordProblem("anna.devries-rocks", { email: "anna.devries@example.com" })).toBe("contains_email");
  });
  it("refuses absurd lengths", () => {
    expect(passwordProblem("a".repeat(300))).toBe("too_long");
  });
});
