import { Redis } from "ioredis";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { principalFromSession as actorFromSession } from "../principal";
import { testMemberPrincipal } from "../test-principals";
import { getSessionContext } from "../accounts/get-session-context";
import { signInWithPassword } from "../accounts/sign-in-with-password";
import { socketIoKey } from "../chat/realtime";
import { encryptSecret } from "../crypto/secret-box";
import { redis } from "../infra/redis";
import { listCustomers } from "../provider/list-customers";
import { confirmTwoFactorEnrolment } from "./confirm-two-factor-enrolment";
import { disableTwoFactor } from "./disable-two-factor";
import { startTwoFactorEnrolment } from "./start-two-factor-enrolment";
import { currentTotp, newTotpSecret } from "./totp";

const ip = () =>
  `10.5.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 6)}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The code an authenticator shows `steps` periods from now. */
const codeAt = (secret: string, steps: number) => generateSync({ secret, epoch: nowSeconds() + steps * 30 });
let tenant: Awaited<ReturnType<typeof createTestTenant>>;

beforeAll(async () => {
  tenant = await createTestTenant("Two-factor");
});

afterAll(async () => {
  await ownerDb().customer.delete({ where: { id: tenant.customer.id } });
  redis().disconnect();
});

async function signIn(email: string, password: string, totpCode?: string) {
  return signInWithPassword({ email, password, totpCode, ip: ip(), userAgent: "vitest" });
}

async function context(sessionId: string) {
  const c = await getSessionContext(sessionId);
  if (!c) throw new Error("no session");
  return c;
}

async function userWithTotp(options: Parameters<typeof createTestUser>[0] = {}) {
  const { user, password } = await createTestUser(options);
  const secret = newTotpSecret();
  await ownerDb().user.update({
    where: { id: user.id },
    data: { totpSecretEncrypted: encryptSecret(secret), totpEnabledAt: new Date(Date.now() - 60_000) },
  });
  return { user, password, secret };
}

describe("two-factor belongs to the session (finding 5)", () => {
  it("ends the password-only sessions when two-factor is enrolled in another one, and tells their sockets", async () => {
    const { user, password } = await createTestUser({ providerRole: "SUPPORT" });
    const before = await signIn(user.email, password);
    const enrolling = await signIn(user.email, password);
    if (!before.ok || !enrolling.ok) throw new Error("sign-in failed");
    const subscriber = new Redis(getConfig().REDIS_URL);
    const heard: string[] = [];
    await subscriber.psubscribe(`${socketIoKey()}#*`);
    subscriber.on("pmessageBuffer", (_p: Buffer, _c: Buffer, message: Buffer) =>
      heard.push(message.toString("latin1")),
    );

    const actor = actorFromSession(await context(enrolling.sessionId));
    const { secret } = await startTwoFactorEnrolment({ actor });
    await confirmTwoFactorEnrolment({ actor, code: currentTotp(secret) });

    // The session opened with the password alone is over; it never gets provider rights.
    expect(await getSessionContext(before.sessionId)).toBeNull();
    for (let i = 0; i < 50 && !heard.some((m) => m.includes(`session:${before.sessionId}`)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(heard.some((m) => m.includes(`session:${before.sessionId}`))).toBe(true);
    subscriber.disconnect();
    // The session that enrolled has passed two-factor and may use the provider console.
    const enrolled = await context(enrolling.sessionId);
    expect(enrolled.twoFactorPassed).toBe(true);
    await expect(listCustomers({ actor: actorFromSession(enrolled) })).resolves.toBeInstanceOf(Array);
  });

  it("gives no provider rights to a session opened before the user enrolled", async () => {
    const { user, password } = await createTestUser({ providerRole: "SUPPORT" });
    const passwordOnly = await signIn(user.email, password);
    if (!passwordOnly.ok) throw new Error("sign-in failed");
    // Enrolment recorded after this session was opened (e.g. in a race with its revocation).
    await ownerDb().user.update({
      where: { id: user.id },
      data: { totpSecretEncrypted: encryptSecret(newTotpSecret()), totpEnabledAt: new Date() },
    });
    const c = await context(passwordOnly.sessionId);
    expect(c.user.twoFactorEnabled).toBe(true);
    expect(c.twoFactorPassed).toBe(false);
    await expect(listCustomers({ actor: actorFromSession(c) })).rejects.toMatchObject({ code: "two_factor_required" });
  });

  it("marks a session opened with a TOTP code as passed", async () => {
    const { user, password, secret } = await userWithTotp({ providerRole: "SUPPORT" });
    const signedIn = await signIn(user.email, password, currentTotp(secret));
    if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
    const c = await context(signedIn.sessionId);
    expect(c.twoFactorPassed).toBe(true);
    await expect(listCustomers({ actor: actorFromSession(c) })).resolves.toBeInstanceOf(Array);
  });

  it("no longer counts any session as two-factor once the user turns it off", async () => {
    const { user, password, secret } = await userWithTotp({ customerId: tenant.customer.id, role: "AGENT" });
    const signedIn = await signIn(user.email, password, codeAt(secret, 0));
    if (!signedIn.ok) throw new Error("sign-in failed");
    const c = await context(signedIn.sessionId);
    expect(c.twoFactorPassed).toBe(true);
    await disableTwoFactor({ actor: actorFromSession(c), code: codeAt(secret, 1) });
    expect((await context(signedIn.sessionId)).twoFactorPassed).toBe(false);
    expect(
      (await ownerDb().userSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).twoFactorVerifiedAt,
    ).toBeNull();
  });
});

describe("TOTP codes are single-use (finding 9)", () => {
  it("opens one session with a code, not two", async () => {
    const { user, password, secret } = await userWithTotp();
    const code = currentTotp(secret);
    expect((await signIn(user.email, password, code)).ok).toBe(true);
    expect(await signIn(user.email, password, code)).toEqual({ ok: false, reason: "totp_invalid" });
  });

  it("lets exactly one of two parallel sign-ins with the same code through", async () => {
    const { user, password, secret } = await userWithTotp();
    const code = currentTotp(secret);
    const results = await Promise.all([1, 2, 3, 4].map(() => signIn(user.email, password, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await ownerDb().userSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("accepts the previous step's code once, and no older code after a newer one was used", async () => {
    // Window: 30 s either side of now (clock drift), safe because each step works only once.
    const { user, password, secret } = await userWithTotp();
    const previous = codeAt(secret, -1);
    const current = codeAt(secret, 0);
    expect((await signIn(user.email, password, previous)).ok).toBe(true);
    expect((await signIn(user.email, password, current)).ok).toBe(true);
    expect(await signIn(user.email, password, previous)).toEqual({ ok: false, reason: "totp_invalid" });
    expect(await signIn(user.email, password, codeAt(secret, -3))).toEqual({ ok: false, reason: "totp_invalid" });
  });

  it("does not accept the code that confirmed enrolment a second time (to turn two-factor off)", async () => {
    const { user } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
    const actor = testMemberPrincipal(user.id, tenant.customer.id, "AGENT");
    const { secret } = await startTwoFactorEnrolment({ actor });
    const code = currentTotp(secret);
    await confirmTwoFactorEnrolment({ actor, code });
    await expect(disableTwoFactor({ actor, code })).rejects.toThrow(/wrong_code/);
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
  });
});

describe("Settings → Two-factor code attempts", () => {
  it("are limited before the code is checked, so a burst cannot find the code to turn it off", async () => {
    const { user, password, secret } = await userWithTotp({ customerId: tenant.customer.id, role: "AGENT" });
    const signedIn = await signIn(user.email, password, codeAt(secret, 0));
    if (!signedIn.ok) throw new Error("sign-in failed");
    const actor = actorFromSession(await context(signedIn.sessionId));
    const valid = new Set([-1, 0, 1].map((s) => codeAt(secret, s)));
    const wrong: string[] = [];
    for (let n = 200_000; wrong.length < 30; n += 6_007) if (!valid.has(String(n))) wrong.push(String(n));
    const burst = await Promise.allSettled(wrong.map((code) => disableTwoFactor({ actor, code })));
    const reasons = burst.map((r) => (r.status === "rejected" ? String((r.reason as Error).message) : "ok"));
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    expect(reasons.filter((r) => r === "wrong_code").length).toBeLessThanOrEqual(max);
    expect(reasons.filter((r) => r === "rate_limited").length).toBeGreaterThanOrEqual(30 - max);
    await expect(disableTwoFactor({ actor, code: codeAt(secret, 1) })).rejects.toThrow(/rate_limited/);
  });
});
