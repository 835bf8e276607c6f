import { generateSync } from "otplib";
import { afterAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { encryptSecret } from "../crypto/secret-box";
import { redis } from "../infra/redis";
import { currentTotp, newTotpSecret } from "../security/totp";
import { signInWithPassword, type TSignInResult } from "./sign-in-with-password";

// Regression tests for the probe finding "limits are beaten by parallel attempts": the limit
// was read, then the password checked, then the failure counted, so a burst all got checked.
const ip = () =>
  `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 6)}`;
const limited = (r: TSignInResult) => !r.ok && r.reason === "rate_limited";

afterAll(() => {
  redis().disconnect();
});

describe("sign-in limits under parallel attempts", () => {
  it("verifies at most the account's limit of 30 parallel wrong passwords; the right one in the burst opens nothing", async () => {
    const { user, password } = await createTestUser();
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    // 30 wrong guesses, and the right password fired with them (last), as the probe did.
    const attempts = [...Array.from({ length: 30 }, (_, i) => `wrong-${i}`), password, password];
    const burst = await Promise.all(
      attempts.map((guess) => signInWithPassword({ email: user.email, password: guess, ip: ip(), userAgent: null })),
    );
    // It used to check all of them and open sessions for the right password after >= 5
    // failures, because each attempt read the counter before any failure had been counted.
    expect(burst.some((r) => r.ok)).toBe(false);
    expect(await ownerDb().userSession.count({ where: { userId: user.id } })).toBe(0);
    // Every "invalid" is a password that was checked; the attempt that spends the last point
    // already answers rate_limited, so at most max - 1 answer "invalid".
    expect(burst.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(max - 1);
    expect(burst.slice(30).every((r) => limited(r))).toBe(true);

    // Afterwards the account is locked: the right password opens no session, not even in a burst.
    const right = await Promise.all(
      Array.from({ length: 5 }, () => signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null })),
    );
    expect(right.every((r) => !r.ok && r.reason === "rate_limited" && r.scope === "account")).toBe(true);
    expect(await ownerDb().userSession.count({ where: { userId: user.id } })).toBe(0);
    const stored = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
  });

  it("verifies at most the account's limit of a burst of TOTP codes; the right code in the burst opens nothing", async () => {
    const { user, password } = await createTestUser();
    const secret = newTotpSecret();
    await ownerDb().user.update({
      where: { id: user.id },
      data: { totpSecretEncrypted: encryptSecret(secret), totpEnabledAt: new Date() },
    });
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    const now = Math.floor(Date.now() / 1000);
    const valid = new Set([-30, 0, 30].map((d) => generateSync({ secret, epoch: now + d })));
    const wrong: string[] = [];
    for (let n = 100_000; wrong.length < 26; n += 7_919) if (!valid.has(String(n))) wrong.push(String(n));

    const burst = await Promise.all(
      [...wrong, currentTotp(secret)].map((totpCode) =>
        signInWithPassword({ email: user.email, password, totpCode, ip: ip(), userAgent: null }),
      ),
    );
    expect(burst.some((r) => r.ok)).toBe(false);
    expect(burst.filter((r) => !r.ok && r.reason === "totp_invalid").length).toBeLessThanOrEqual(max - 1);

    const right = await signInWithPassword({
      email: user.email,
      password,
      totpCode: generateSync({ secret, epoch: now + 30 }),
      ip: ip(),
      userAgent: null,
    });
    expect(right).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    expect(await ownerDb().userSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("verifies at most the IP's limit of a parallel spray over many accounts; a right password in it opens nothing", async () => {
    const from = ip();
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_IP;
    const { user, password } = await createTestUser();
    const spray = Array.from({ length: max * 2 }, (_, i) => ({
      email: `spray-${crypto.randomUUID()}-${i}@test.example`,
      password: "x",
    }));
    const burst = await Promise.all(
      [...spray, { email: user.email, password }].map((guess) =>
        signInWithPassword({ ...guess, ip: from, userAgent: null }),
      ),
    );
    expect(burst.some((r) => r.ok)).toBe(false);
    expect(burst.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(max - 1);
    expect(await signInWithPassword({ email: user.email, password, ip: from, userAgent: null })).toMatchObject({
      ok: false,
      reason: "rate_limited",
      scope: "ip",
    });
  });

  it("refuses a locked account before its password is checked", async () => {
    const { user } = await createTestUser();
    const lockedUntil = new Date(Date.now() + 600_000);
    await ownerDb().user.update({ where: { id: user.id }, data: { lockedUntil } });
    // A wrong password on a locked account is not even checked (it used to answer "invalid",
    // i.e. the password was verified first and the lock read only after a correct one).
    const result = await signInWithPassword({ email: user.email, password: "wrong", ip: ip(), userAgent: null });
    expect(result).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    if (!result.ok && result.reason === "rate_limited") {
      expect(result.retryAfterSeconds).toBeGreaterThan(590);
      expect(result.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
  });

  it("gives the attempt back when the password is right, so normal use never locks", async () => {
    const { user, password } = await createTestUser();
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    for (let i = 0; i < max * 2; i++) {
      expect((await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null })).ok).toBe(true);
    }
    // Earlier successes spent nothing: max - 1 failures still leave one attempt.
    for (let i = 0; i < max - 1; i++) {
      expect(await signInWithPassword({ email: user.email, password: "wrong", ip: ip(), userAgent: null })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    expect((await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null })).ok).toBe(true);
  });
});
