import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { redis } from "../infra/redis";
import { getSessionContext } from "./get-session-context";
import { revokeSession } from "./revoke-session";
import { signInWithPassword } from "./sign-in-with-password";
import { switchActiveTenant } from "./switch-active-tenant";
import { NotFoundError } from "../errors";
import { testUserPrincipal } from "../test-principals";

const ip = () => `10.0.0.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 4)}`;
let tenantA: Awaited<ReturnType<typeof createTestTenant>>;
let tenantB: Awaited<ReturnType<typeof createTestTenant>>;

beforeAll(async () => {
  tenantA = await createTestTenant("SignIn A");
  tenantB = await createTestTenant("SignIn B");
});

afterAll(async () => {
  await ownerDb().customer.deleteMany({ where: { id: { in: [tenantA.customer.id, tenantB.customer.id] } } });
  redis().disconnect();
});

describe("signInWithPassword", () => {
  it("opens a session whose context carries the user's memberships", async () => {
    const { user, password } = await createTestUser({ customerId: tenantA.customer.id, role: "ADMIN" });
    const result = await signInWithPassword({
      email: user.email.toUpperCase(),
      password,
      ip: ip(),
      userAgent: "vitest",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const context = await getSessionContext(result.sessionId);
    expect(context?.user.email).toBe(user.email);
    expect(context?.memberships).toEqual([
      {
        customerId: tenantA.customer.id,
        customerName: tenantA.customer.name,
        role: "ADMIN",
        dealers: [],
        departmentIds: [],
      },
    ]);
    expect(context?.active?.customerId).toBe(tenantA.customer.id);
  });

  it("refuses a wrong password and an unknown e-mail alike", async () => {
    const { user } = await createTestUser();
    expect(await signInWithPassword({ email: user.email, password: "wrong", ip: ip(), userAgent: null })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await signInWithPassword({ email: "nobody@test.example", password: "wrong", ip: ip(), userAgent: null }),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks the account after the configured number of failures, even for the right password", async () => {
    const { user, password } = await createTestUser();
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT;
    const results = [];
    for (let i = 0; i < max; i++) {
      results.push(await signInWithPassword({ email: user.email, password: "wrong", ip: ip(), userAgent: null }));
    }
    expect(results.slice(0, max - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[max - 1]).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    const afterwards = await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null });
    expect(afterwards).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    if (!afterwards.ok && afterwards.reason === "rate_limited") {
      expect(afterwards.retryAfterSeconds).toBeGreaterThan(0);
      expect(afterwards.retryAfterSeconds).toBeLessThanOrEqual(getConfig().SIGNIN_WINDOW_SECONDS);
    }
  });

  it("limits failures per IP across different accounts", async () => {
    const from = ip();
    const max = getConfig().SIGNIN_MAX_FAILURES_PER_IP;
    let last;
    for (let i = 0; i < max; i++) {
      last = await signInWithPassword({ email: `spray-${i}@test.example`, password: "x", ip: from, userAgent: null });
    }
    expect(last).toMatchObject({ ok: false, reason: "rate_limited", scope: "ip" });
    const { user, password } = await createTestUser();
    expect(await signInWithPassword({ email: user.email, password, ip: from, userAgent: null })).toMatchObject({
      reason: "rate_limited",
      scope: "ip",
    });
  });

  it("refuses a suspended user", async () => {
    const { user, password } = await createTestUser({ status: "SUSPENDED" });
    expect(await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null })).toEqual({
      ok: false,
      reason: "suspended",
    });
  });
});

describe("sessions", () => {
  it("stop resolving once revoked", async () => {
    const { user, password } = await createTestUser({ customerId: tenantA.customer.id });
    const result = await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null });
    if (!result.ok) throw new Error("sign-in failed");
    await revokeSession({ sessionId: result.sessionId, userId: user.id });
    expect(await getSessionContext(result.sessionId)).toBeNull();
  });

  it("switch only to a tenant the user belongs to", async () => {
    const { user, password } = await createTestUser({ customerId: tenantA.customer.id });
    await ownerDb().membership.create({ data: { customerId: tenantB.customer.id, userId: user.id, role: "AGENT" } });
    const result = await signInWithPassword({ email: user.email, password, ip: ip(), userAgent: null });
    if (!result.ok) throw new Error("sign-in failed");
    const actor = testUserPrincipal(user.id, { sessionId: result.sessionId });
    expect(await switchActiveTenant({ actor, input: { customerId: tenantB.customer.id } })).toEqual({
      customerId: tenantB.customer.id,
    });
    expect((await getSessionContext(result.sessionId))?.active?.role).toBe("AGENT");
    expect((await getSessionContext(result.sessionId))?.active?.customerId).toBe(tenantB.customer.id);
    const stranger = await createTestTenant("Stranger");
    await expect(switchActiveTenant({ actor, input: { customerId: stranger.customer.id } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await ownerDb().customer.delete({ where: { id: stranger.customer.id } });
  });
});
