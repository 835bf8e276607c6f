import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { getSessionContext, type TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { signInWithPassword } from "@forecourt/core/accounts/sign-in-with-password";
import { encryptSecret } from "@forecourt/core/crypto/secret-box";
import { redis } from "@forecourt/core/infra/redis";
import { newTotpSecret } from "@forecourt/core/security/totp";
import { createTestTenant, createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { handleExportAudit } from "./audit";
import { CONTRACT_HANDLERS, handleRunLifecycleNow } from "./contract";
import * as providerHandlers from "./provider";
import { handleSaveCustomer } from "./provider";
import type { THandler } from "./result";
import { handleRunOrphanSweepNow } from "./storage";
import { handleStartTwoFactor } from "./security";
import {
  handleChangeMemberStatus,
  handleForceSignOut,
  handleInviteUser,
  handleSendPasswordReset,
  handleUnlockMember,
  handleUpdateMember,
} from "./users";

// Regression tests for two probe findings at the web handlers (what server actions call):
// user management ignored a terminated tenant's read-only state, and the provider gate asked
// the user (enrolled two-factor somewhere) instead of the session.
const meta = { ip: "10.44.0.1" };
const sink = new SmtpSink();
const tenants: string[] = [];

async function sessionOf(email: string, password: string): Promise<TSessionContext> {
  const signedIn = await signInWithPassword({
    email,
    password,
    ip: `10.44.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    userAgent: null,
  });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
  return (await getSessionContext(signedIn.sessionId))!;
}

beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
});

afterAll(async () => {
  await sink.close();
  await ownerDb().customer.deleteMany({ where: { id: { in: tenants } } });
  redis().disconnect();
});

describe("user management in a terminated customer's read-only period", () => {
  it("is refused to its administrator, who can still read and set up their own two-factor", async () => {
    const t = await createTestTenant("Read-only users");
    tenants.push(t.customer.id);
    const { user, password } = await createTestUser({ customerId: t.customer.id, role: "OWNER" });
    const { user: agent } = await createTestUser({ customerId: t.customer.id, role: "AGENT" });
    const agentMembership = await ownerDb().membership.findFirstOrThrow({ where: { userId: agent.id } });
    await ownerDb().customer.update({
      where: { id: t.customer.id },
      data: { status: "TERMINATED", readOnlyUntil: new Date(Date.now() + 10 * 86_400_000) },
    });
    const session = await sessionOf(user.email, password);
    expect(session.active?.readOnlyUntil).toBeDefined();
    const member = { membershipId: agentMembership.id };

    const attempts = [
      handleInviteUser(session, { email: `new-${crypto.randomUUID()}@test.example`, role: "AGENT" }, meta),
      handleUpdateMember(session, { ...member, role: "ADMIN" }, meta),
      handleChangeMemberStatus(session, { ...member, change: "deactivate" }, meta),
      handleSendPasswordReset(session, member, meta),
      handleForceSignOut(session, member, meta),
      handleUnlockMember(session, member, meta),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, status: 403 });
    expect(await ownerDb().invitation.count({ where: { customerId: t.customer.id } })).toBe(0);
    expect(await ownerDb().membership.findUniqueOrThrow({ where: { id: agentMembership.id } })).toMatchObject({
      role: "AGENT",
      status: "ACTIVE",
    });

    // Their own two-factor is their identity, not the tenant's data: still allowed.
    expect(await handleStartTwoFactor(session, {}, meta)).toMatchObject({ ok: true });
  });

  it("is still allowed to an administrator of an active customer", async () => {
    const t = await createTestTenant("Active users");
    tenants.push(t.customer.id);
    const { user, password } = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
    const session = await sessionOf(user.email, password);
    const email = `new-${crypto.randomUUID()}@test.example`;
    expect(await handleInviteUser(session, { email, role: "AGENT" }, meta)).toMatchObject({ ok: true });
  });
});

describe("the provider console gate", () => {
  it("refuses a session opened with the password alone, even when the user has enrolled two-factor since", async () => {
    const { user, password } = await createTestUser({ providerRole: "SUPPORT" });
    const signedIn = await signInWithPassword({ email: user.email, password, ip: "10.44.9.9", userAgent: null });
    if (!signedIn.ok) throw new Error("sign-in failed");
    await ownerDb().user.update({
      where: { id: user.id },
      data: { totpSecretEncrypted: encryptSecret(newTotpSecret()), totpEnabledAt: new Date() },
    });
    const session = (await getSessionContext(signedIn.sessionId))!;
    const name = `Probe ${crypto.randomUUID()}`;
    const result = await handleSaveCustomer(session, { name, kind: "DEALER", tier: "STANDARD", parentId: "" }, meta);
    expect(result).toMatchObject({ ok: false, status: 403, error: "two_factor_required" });
    expect(await ownerDb().customer.count({ where: { name } })).toBe(0);
  });
});

describe("provider rights without a two-factor session (issue 9: the isolation suite's provider set)", () => {
  it("refuses every provider entry point to a support session that did not pass two-factor, and writes nothing", async () => {
    const { user, password } = await createTestUser({ providerRole: "SUPPORT" });
    const session = await sessionOf(user.email, password);
    expect(session.twoFactorPassed).toBe(false);
    const t = await createTestTenant("Provider without 2FA");
    tenants.push(t.customer.id);
    const before = await ownerDb().auditEvent.count();
    const input = { customerId: t.customer.id, membershipId: crypto.randomUUID(), userId: crypto.randomUUID() };
    const entryPoints = {
      ...providerHandlers,
      ...CONTRACT_HANDLERS,
      handleRunLifecycleNow,
      handleRunOrphanSweepNow,
      handleExportAudit,
      handleInviteUser,
      handleUpdateMember,
      handleChangeMemberStatus,
      handleSendPasswordReset,
      handleForceSignOut,
      handleUnlockMember,
    };
    const handlers = Object.entries(entryPoints).filter(([, h]) => typeof h === "function");
    expect(handlers.length).toBeGreaterThan(20);
    for (const [name, handler] of handlers) {
      const result = await (handler as THandler<unknown>)(session, input, meta);
      expect(result, name).toMatchObject({ ok: false, status: 403, error: "two_factor_required" });
    }
    expect(await ownerDb().subscription.count({ where: { customerId: t.customer.id } })).toBe(0);
    expect(await ownerDb().auditEvent.count()).toBe(before);
    // Their own profile (to enrol) stays open.
    expect(await handleStartTwoFactor(session, {}, meta)).toMatchObject({ ok: true });
  });
});
