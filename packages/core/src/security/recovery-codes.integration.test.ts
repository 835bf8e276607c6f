import { afterAll, describe, expect, it } from "vitest";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { principalFromSession } from "../principal";
import { getSessionContext } from "../accounts/get-session-context";
import { signInWithPassword } from "../accounts/sign-in-with-password";
import { redis } from "../infra/redis";
import { confirmTwoFactorEnrolment } from "./confirm-two-factor-enrolment";
import { disableTwoFactor } from "./disable-two-factor";
import { countRecoveryCodesLeft, regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { startTwoFactorEnrolment } from "./start-two-factor-enrolment";
import { generateSync } from "otplib";

/*
 * Two-factor recovery codes (issue 14 item 5): issued at enrolment, shown once, stored hashed,
 * single use even under parallel sign-ins, replaced by a new set, deleted when two-factor goes off.
 */

const ip = () => `10.9.${Math.floor(Math.random() * 250)}.${crypto.randomUUID().slice(0, 8)}`;
const codeAt = (secret: string, steps: number) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

let tenant: Awaited<ReturnType<typeof createTestTenant>> | undefined;

afterAll(async () => {
  if (tenant) await ownerDb().customer.delete({ where: { id: tenant.customer.id } });
  redis().disconnect();
});

async function enrolled() {
  tenant ??= await createTestTenant("Recovery codes");
  const { user, password } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  const first = await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: "vitest" });
  if (!first.ok) throw new Error("sign-in failed");
  const actor = principalFromSession((await getSessionContext(first.sessionId))!);
  const { secret } = await startTwoFactorEnrolment({ actor });
  const { recoveryCodes } = await confirmTwoFactorEnrolment({ actor, code: codeAt(secret, -1) });
  return { user, password, secret, actor, recoveryCodes };
}

describe("two-factor recovery codes", () => {
  it("are issued at enrolment, kept only as hashes, and each signs in once", async () => {
    const { user, password, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    const stored = await ownerDb().twoFactorRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(recoveryCodes.some((c) => row.codeHash.includes(c.replace("-", "")))).toBe(false);

    const code = recoveryCodes[3]!;
    const signIn = () =>
      signInWithPassword({ email: user.email, password, totpCode: code, ip: ip(), userAgent: "vitest" });
    const results = await Promise.all([signIn(), signIn(), signIn(), signIn()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await signIn()).ok).toBe(false);
    expect(await countRecoveryCodesLeft(user.id)).toBe(9);
    // Typed in lower case with a space instead of the dash, another one still works.
    const typed = recoveryCodes[5]!.toLowerCase().replace("-", " ");
    const ok = await signInWithPassword({
      email: user.email,
      password,
      totpCode: typed,
      ip: ip(),
      userAgent: "vitest",
    });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((await getSessionContext(ok.sessionId))?.twoFactorPassed).toBe(true);
  });

  it("are replaced by a new set (with a current code), and deleted when two-factor goes off", async () => {
    const { user, password, secret, actor, recoveryCodes } = await enrolled();
    await expect(regenerateRecoveryCodes({ actor, code: "000000" })).rejects.toThrow(/wrong_code/);
    const { recoveryCodes: fresh } = await regenerateRecoveryCodes({ actor, code: codeAt(secret, 0) });
    expect(fresh).toHaveLength(10);
    const old = await signInWithPassword({
      email: user.email,
      password,
      totpCode: recoveryCodes[0],
      ip: ip(),
      userAgent: "vitest",
    });
    expect(old).toMatchObject({ ok: false, reason: "totp_invalid" });
    await disableTwoFactor({ actor, code: codeAt(secret, 1) });
    expect(await ownerDb().twoFactorRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });
});
