import { Redis } from "ioredis";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { appDb } from "@forecourt/db";
import { createTestTenant, createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { listAuditEvents } from "../audit/list-audit-events";
import { decryptSecret } from "../crypto/secret-box";
import { ForbiddenError, NotFoundError } from "../errors";
import { redis } from "../infra/redis";
import { socketIoKey } from "../chat/realtime";
import { setCustomerSuspension } from "../provider/set-customer-suspension";
import { replaceAccount } from "../provider/replace-account";
import { setUserSuspension } from "../provider/set-user-suspension";
import { confirmTwoFactorEnrolment } from "../security/confirm-two-factor-enrolment";
import { startTwoFactorEnrolment } from "../security/start-two-factor-enrolment";
import { currentTotp } from "../security/totp";
import { acceptInvitation, previewInvitation } from "./accept-invitation";
import type { TUserPrincipal } from "../principal";
import { testMemberPrincipal, testUserPrincipal } from "../test-principals";
import { changeMembershipStatus } from "./change-membership-status";
import { forceSignOut } from "./force-sign-out";
import { getSessionContext } from "./get-session-context";
import { inviteUser } from "./invite-user";
import { listTenantUsers } from "./list-tenant-users";
import { reportMisuse } from "./report-misuse";
import { RESET_MAILS_PER_HOUR, requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { sendPasswordReset } from "./send-password-reset";
import { signInWithPassword } from "./sign-in-with-password";
import { unlockUser } from "./unlock-user";

const sink = new SmtpSink();
const ip = () => `10.1.0.${Math.floor(Math.random() * 250) + 1}-${crypto.randomUUID().slice(0, 4)}`;
const linkIn = (text: string, path: string) => {
  const match = new RegExp(`https?://\\S+/${path}/(\\S+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(match[1]);
};
const tenants: string[] = [];
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
let adminA: TUserPrincipal;
let provider: TUserPrincipal;

async function memberActor(
  customerId: string,
  role: "OWNER" | "ADMIN" | "SUPERVISOR" | "AGENT",
): Promise<TUserPrincipal> {
  const { user } = await createTestUser({ customerId, role });
  return testMemberPrincipal(user.id, customerId, role, { ip: "10.9.9.9" });
}

async function signIn(email: string, password: string, totpCode?: string) {
  return signInWithPassword({ email, password, ip: ip(), userAgent: "vitest", totpCode });
}

beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  a = await createTestTenant("Accounts A");
  b = await createTestTenant("Accounts B");
  tenants.push(a.customer.id, b.customer.id);
  adminA = await memberActor(a.customer.id, "ADMIN");
  const { user } = await createTestUser({ providerRole: "SUPPORT" });
  await ownerDb().user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
  provider = testUserPrincipal(user.id, { providerRole: "SUPPORT", twoFactorPassed: true, ip: "10.8.8.8" });
});

afterAll(async () => {
  await sink.close();
  await ownerDb().customer.deleteMany({ where: { id: { in: tenants } } });
  redis().disconnect();
});

describe("invitations", () => {
  it("e-mails a single-use link that creates the user with the invited role and dealer scope", async () => {
    const email = `invitee-${crypto.randomUUID().slice(0, 8)}@test.example`;
    const result = await inviteUser({
      actor: adminA,
      customerId: a.customer.id,
      input: { email, role: "AGENT", dealerIds: [a.dealer.id] },
    });
    expect(result.mailed).toBe(true);
    const mail = await sink.waitFor(email);
    expect(mail.subject).toContain(a.customer.name);
    const token = linkIn(mail.text, "invite");
    expect(await previewInvitation(token)).toMatchObject({ ok: true, email, needsPassword: true });

    expect(await acceptInvitation({ token, name: "New Agent", password: "password1234" })).toMatchObject({
      ok: false,
      reason: "weak_password",
      problem: "breached",
    });
    expect(await acceptInvitation({ token, name: "New Agent", password: "short" })).toMatchObject({
      problem: "too_short",
    });
    expect(await acceptInvitation({ token, name: "New Agent", password: "amber-otter-window-42" })).toMatchObject({
      ok: true,
    });
    expect(await acceptInvitation({ token, name: "Again", password: "amber-otter-window-42" })).toMatchObject({
      ok: false,
      reason: "used",
    });

    const signedIn = await signIn(email, "amber-otter-window-42");
    expect(signedIn.ok).toBe(true);
    if (!signedIn.ok) return;
    const context = await getSessionContext(signedIn.sessionId);
    expect(context?.active).toMatchObject({ customerId: a.customer.id, role: "AGENT" });
    expect(context?.active?.dealers.map((d) => d.id)).toEqual([a.dealer.id]);
  });

  it("refuses an expired invitation and a token of another tenant", async () => {
    const email = `late-${crypto.randomUUID().slice(0, 8)}@test.example`;
    await inviteUser({ actor: adminA, customerId: a.customer.id, input: { email, role: "AGENT" } });
    const token = linkIn((await sink.waitFor(email)).text, "invite");
    await ownerDb().invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await previewInvitation(token)).toEqual({ ok: false, reason: "expired" });
    const forged = `${b.customer.id}.${token.split(".")[1]}`;
    expect(await previewInvitation(forged)).toEqual({ ok: false, reason: "invalid" });
  });

  it("lets only the customer's own admins (or provider support) invite, and only to their own dealers", async () => {
    const agentA = await memberActor(a.customer.id, "AGENT");
    await expect(
      inviteUser({ actor: agentA, customerId: a.customer.id, input: { email: "x@test.example", role: "AGENT" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      inviteUser({ actor: adminA, customerId: b.customer.id, input: { email: "x@test.example", role: "AGENT" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      inviteUser({
        actor: adminA,
        customerId: a.customer.id,
        input: { email: "x@test.example", role: "AGENT", dealerIds: [b.dealer.id] },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      inviteUser({ actor: adminA, customerId: a.customer.id, input: { email: "x@test.example", role: "OWNER" } }),
    ).rejects.toThrow(/only_owner/);
    const byProvider = await inviteUser({
      actor: provider,
      customerId: b.customer.id,
      input: { email: `first-admin-${crypto.randomUUID().slice(0, 6)}@test.example`, role: "OWNER" },
    });
    expect(byProvider.mailed).toBe(true);
    await expect(
      inviteUser({
        actor: { ...provider, twoFactorPassed: false },
        customerId: b.customer.id,
        input: { email: "y@test.example", role: "ADMIN" },
      }),
    ).rejects.toMatchObject({ code: "two_factor_required" });
  });
});

describe("mail in the recipient's language", () => {
  it("sends a Danish user Danish invitation and reset mails, each with a text and an HTML part", async () => {
    const { user } = await createTestUser({ customerId: b.customer.id, role: "AGENT" });
    await ownerDb().user.update({ where: { id: user.id }, data: { locale: "da" } });

    // The inviter writes English; the invitee already has an account in Danish.
    await inviteUser({
      actor: adminA,
      customerId: a.customer.id,
      input: { email: user.email, role: "AGENT", locale: "en" },
    });
    const invitation = await sink.waitFor(user.email, (m) => m.text.includes("/invite/"));
    expect(invitation.subject).toBe(`Du er inviteret til ${a.customer.name} på Forecourt`);
    expect(invitation.text).toContain("linket virker én gang og udløber om 72 timer");
    const inviteLink = /https?:\/\/\S+\/invite\/\S+/.exec(invitation.text)![0];
    expect(invitation.html).toContain('<html lang="da">');
    expect(invitation.html).toContain(`<a href="${inviteLink}"`);
    expect(invitation.html).toContain("Vælg din adgangskode");

    expect(await requestPasswordReset({ email: user.email })).toEqual({ ok: true });
    const reset = await sink.waitFor(user.email, (m) => m.text.includes("/reset-password/"));
    expect(reset.subject).toBe("Vælg en ny adgangskode til Forecourt");
    expect(reset.text).toContain("Hvis du ikke har bedt om dette, så kontakt din administrator.");
    const resetLink = /https?:\/\/\S+\/reset-password\/\S+/.exec(reset.text)![0];
    expect(reset.html).toContain(`<a href="${resetLink.replace(/&/g, "&amp;")}"`);
    expect(reset.html).toContain("Vælg en ny adgangskode");
  });

  it("writes a new invitee in the inviter's language and escapes names in the HTML part", async () => {
    const email = `nieuw-${crypto.randomUUID().slice(0, 8)}@test.example`;
    const evil = await memberActor(a.customer.id, "ADMIN");
    await ownerDb().user.update({ where: { id: evil.userId }, data: { name: "<script>alert(1)</script>" } });
    await inviteUser({ actor: evil, customerId: a.customer.id, input: { email, role: "AGENT", locale: "nl" } });
    const mail = await sink.waitFor(email);
    expect(mail.subject).toBe(`Uitnodiging voor ${a.customer.name} op Forecourt`);
    expect(mail.text).toContain("<script>alert(1)</script> heeft je uitgenodigd");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; heeft je uitgenodigd");
  });
});

describe("administering users", () => {
  it("sends a reset link that works once and ends every session", async () => {
    const { user, password } = await createTestUser({ customerId: a.customer.id, role: "AGENT" });
    const first = await signIn(user.email, password);
    if (!first.ok) throw new Error("sign-in failed");
    const { users } = await listTenantUsers({ actor: adminA, customerId: a.customer.id });
    const membershipId = users.find((u) => u.userId === user.id)!.membershipId;
    await sendPasswordReset({ actor: adminA, customerId: a.customer.id, membershipId });
    const token = linkIn((await sink.waitFor(user.email)).text, "reset-password");
    expect(await resetPassword({ token, password: "qwertyuiop123" })).toMatchObject({ reason: "weak_password" });
    expect(await resetPassword({ token, password: "violet-harbour-lamp-7" })).toEqual({ ok: true, email: user.email });
    expect(await resetPassword({ token, password: "violet-harbour-lamp-8" })).toEqual({ ok: false, reason: "invalid" });
    expect(await getSessionContext(first.sessionId)).toBeNull();
    expect((await signIn(user.email, "violet-harbour-lamp-7")).ok).toBe(true);
  });

  it("answers 'forgot password' alike for every address and mails at most a few links an hour", async () => {
    const { user } = await createTestUser({ customerId: a.customer.id, role: "AGENT" });
    expect(await requestPasswordReset({ email: "nobody-here@test.example" })).toEqual({ ok: true });
    for (let i = 0; i < RESET_MAILS_PER_HOUR + 2; i++) {
      expect(await requestPasswordReset({ email: user.email.toUpperCase() })).toEqual({ ok: true });
    }
    const count = () => sink.mails.filter((m) => m.to.includes(user.email)).length;
    for (let i = 0; i < 100 && count() < RESET_MAILS_PER_HOUR; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a wrongly sent extra one to arrive
    expect(count()).toBe(RESET_MAILS_PER_HOUR);
    expect(sink.mails.some((m) => m.to.includes("nobody-here@test.example"))).toBe(false);
  });

  it("locks an account after repeated failures until an admin unlocks it", async () => {
    const { user, password } = await createTestUser({ customerId: a.customer.id, role: "AGENT" });
    for (let i = 0; i < getConfig().SIGNIN_MAX_FAILURES_PER_ACCOUNT; i++) await signIn(user.email, "wrong-password");
    const locked = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await signIn(user.email, password)).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    const { users } = await listTenantUsers({ actor: adminA, customerId: a.customer.id });
    const row = users.find((u) => u.userId === user.id)!;
    expect(row.locked).toBe(true);
    await unlockUser({ actor: adminA, customerId: a.customer.id, membershipId: row.membershipId });
    expect((await signIn(user.email, password)).ok).toBe(true);
  });

  it("deactivates, archives and restores within 30 days only", async () => {
    const { user, password } = await createTestUser({ customerId: a.customer.id, role: "SUPERVISOR" });
    const session = await signIn(user.email, password);
    if (!session.ok) throw new Error("sign-in failed");
    const membershipId = (await listTenantUsers({ actor: adminA, customerId: a.customer.id })).users.find(
      (u) => u.userId === user.id,
    )!.membershipId;
    const options = { actor: adminA, customerId: a.customer.id, membershipId };
    await changeMembershipStatus({ ...options, change: "archive" });
    expect(await getSessionContext(session.sessionId)).toBeNull();
    await changeMembershipStatus({ ...options, change: "restore" });
    await changeMembershipStatus({ ...options, change: "archive" });
    await ownerDb().membership.update({
      where: { id: membershipId },
      data: { archivedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    await expect(changeMembershipStatus({ ...options, change: "restore" })).rejects.toThrow(/restore_window_passed/);
    await expect(
      changeMembershipStatus({ ...options, membershipId: crypto.randomUUID(), change: "restore" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("signs a user out everywhere and tells open sockets through Redis", async () => {
    const { user, password } = await createTestUser({ customerId: a.customer.id, role: "AGENT" });
    const s1 = await signIn(user.email, password);
    const s2 = await signIn(user.email, password);
    if (!s1.ok || !s2.ok) throw new Error("sign-in failed");
    const subscriber = new Redis(getConfig().REDIS_URL);
    const heard: string[] = [];
    await subscriber.psubscribe(`${socketIoKey()}#*`);
    subscriber.on("pmessageBuffer", (_pattern: Buffer, _channel: Buffer, message: Buffer) => {
      heard.push(message.toString("latin1"));
    });
    const membershipId = (await listTenantUsers({ actor: adminA, customerId: a.customer.id })).users.find(
      (u) => u.userId === user.id,
    )!.membershipId;
    const result = await forceSignOut({ actor: adminA, customerId: a.customer.id, membershipId });
    expect(result.revoked).toBe(2);
    expect(await getSessionContext(s1.sessionId)).toBeNull();
    expect(await getSessionContext(s2.sessionId)).toBeNull();
    for (let i = 0; i < 50 && !heard.some((m) => m.includes(`session:${s2.sessionId}`)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(heard.some((m) => m.includes(`session:${s1.sessionId}`) && m.includes("session:revoked"))).toBe(true);
    subscriber.disconnect();
  });

  it("records a misuse report, audits it and e-mails provider support", async () => {
    const agent = await memberActor(a.customer.id, "AGENT");
    const result = await reportMisuse({
      actor: agent,
      input: { description: "Someone used Anna's account from an unknown laptop." },
    });
    expect(result.mailed).toBe(true);
    const mail = await sink.waitFor(getConfig().PROVIDER_SUPPORT_EMAIL, (m) => m.text.includes(result.reportId));
    expect(mail.text).toContain(a.customer.name);
    expect(await ownerDb().misuseReport.count({ where: { id: result.reportId, customerId: a.customer.id } })).toBe(1);
    expect(await ownerDb().auditEvent.count({ where: { action: "misuse.reported", targetId: result.reportId } })).toBe(
      1,
    );
  });
});

describe("two-factor", () => {
  it("is enrolled with an encrypted secret and then asked for at sign-in", async () => {
    const { user, password } = await createTestUser({ customerId: a.customer.id, role: "AGENT" });
    const actor = testMemberPrincipal(user.id, a.customer.id, "AGENT");
    const { secret } = await startTwoFactorEnrolment({ actor });
    const stored = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretEncrypted).not.toContain(secret);
    expect(decryptSecret(stored.totpSecretEncrypted!)).toBe(secret);
    await expect(confirmTwoFactorEnrolment({ actor, code: "000000" })).rejects.toThrow(/wrong_code/);
    const enrolmentCode = currentTotp(secret);
    await confirmTwoFactorEnrolment({ actor, code: enrolmentCode });
    expect(await signIn(user.email, password)).toEqual({ ok: false, reason: "totp_required" });
    expect(await signIn(user.email, password, "123456")).toMatchObject({ ok: false });
    // The code that confirmed enrolment is spent; the authenticator's next code works.
    expect(await signIn(user.email, password, enrolmentCode)).toMatchObject({ ok: false });
    const ok = await signIn(user.email, password, generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      const context = await getSessionContext(ok.sessionId);
      expect(context?.user.twoFactorEnabled).toBe(true);
      expect(context?.twoFactorPassed).toBe(true);
    }
  });
});

describe("provider actions", () => {
  it("suspends a customer for non-payment: sign-ins and sessions refused, nothing deleted", async () => {
    const c = await createTestTenant("Unpaid");
    tenants.push(c.customer.id);
    const { user, password } = await createTestUser({ customerId: c.customer.id, role: "ADMIN" });
    const before = await signIn(user.email, password);
    if (!before.ok) throw new Error("sign-in failed");
    const members = await ownerDb().membership.count({ where: { customerId: c.customer.id } });
    await setCustomerSuspension({
      actor: provider,
      customerId: c.customer.id,
      input: { suspend: true, reason: "Invoice 2026-04 unpaid" },
    });
    expect(await ownerDb().customer.findUniqueOrThrow({ where: { id: c.customer.id } })).toMatchObject({
      status: "SUSPENDED",
      suspendedReason: "Invoice 2026-04 unpaid",
    });
    expect(await getSessionContext(before.sessionId)).toBeNull();
    expect(await signIn(user.email, password)).toEqual({ ok: false, reason: "customer_suspended" });
    expect(await ownerDb().membership.count({ where: { customerId: c.customer.id } })).toBe(members);
    await setCustomerSuspension({ actor: provider, customerId: c.customer.id, input: { suspend: false } });
    expect((await signIn(user.email, password)).ok).toBe(true);
    await expect(
      setCustomerSuspension({ actor: adminA, customerId: a.customer.id, input: { suspend: true, reason: "x y z" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("suspends, re-enables and replaces any account", async () => {
    const { user, password } = await createTestUser({ customerId: b.customer.id, role: "ADMIN" });
    const session = await signIn(user.email, password);
    if (!session.ok) throw new Error("sign-in failed");
    await setUserSuspension({ actor: provider, userId: user.id, suspend: true });
    expect(await getSessionContext(session.sessionId)).toBeNull();
    expect(await signIn(user.email, password)).toEqual({ ok: false, reason: "suspended" });
    await setUserSuspension({ actor: provider, userId: user.id, suspend: false });
    const again = await signIn(user.email, password);
    expect(again.ok).toBe(true);

    const replaced = await replaceAccount({ actor: provider, userId: user.id });
    expect(replaced.mailed).toBe(true);
    if (again.ok) expect(await getSessionContext(again.sessionId)).toBeNull();
    expect(await signIn(user.email, password)).toMatchObject({ ok: false });
    const mail = await sink.waitFor(user.email, (m) => /replaced/i.test(m.subject));
    const token = linkIn(mail.text, "reset-password");
    expect(await resetPassword({ token, password: "saffron-meadow-kite-19" })).toMatchObject({ ok: true });
    expect((await signIn(user.email, "saffron-meadow-kite-19")).ok).toBe(true);
    await expect(setUserSuspension({ actor: adminA, userId: user.id, suspend: true })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe("audit log", () => {
  it("shows a tenant's admins only their own tenant, provider staff everything", async () => {
    const adminB = await memberActor(b.customer.id, "ADMIN");
    await inviteUser({
      actor: adminB,
      customerId: b.customer.id,
      input: { email: "audit-b@test.example", role: "AGENT" },
    });
    const forA = await listAuditEvents({ actor: adminA, filter: { limit: 1000 } });
    expect(forA.length).toBeGreaterThan(0);
    expect(forA.every((e) => e.customerId === a.customer.id)).toBe(true);
    await expect(listAuditEvents({ actor: adminA, filter: { customerId: b.customer.id } })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const forProvider = await listAuditEvents({
      actor: provider,
      filter: { customerId: b.customer.id, action: "user." },
    });
    expect(forProvider.some((e) => e.action === "user.invited")).toBe(true);
    const agentA = await memberActor(a.customer.id, "AGENT");
    await expect(listAuditEvents({ actor: agentA })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is append-only for the application role", async () => {
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { customerId: a.customer.id } });
    await expect(
      appDb().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.provider_access', 'on', true)`;
        await tx.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } });
      }),
    ).rejects.toThrow(/permission denied/i);
    await expect(
      appDb().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.provider_access', 'on', true)`;
        await tx.auditEvent.delete({ where: { id: event.id } });
      }),
    ).rejects.toThrow(/permission denied/i);
  });
});
