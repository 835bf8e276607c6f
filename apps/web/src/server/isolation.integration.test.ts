/**
 * The isolation suite: every API route and every server action, tried by each role of customer
 * A against customer B's objects (real ids and guessed ones). Each attempt must be refused with
 * 403 or 404 and carry none of B's data; afterwards B's rows must be unchanged.
 *
 * The suite enumerates apps/web/src/app/**\/route.ts and every "use server" file's exported
 * functions; each must have a case in CASES below, so a new route or action without a case
 * makes this file fail. Actions and routes are thin wrappers over the handlers in
 * src/server/handlers (parse, call core, map to a status); the cases call those handlers with
 * a real session of A, exactly as the wrappers do.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionContext, type TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { signInWithPassword } from "@forecourt/core/accounts/sign-in-with-password";
import { switchActiveTenant } from "@forecourt/core/accounts/switch-active-tenant";
import { redis } from "@forecourt/core/infra/redis";
import { getConfig } from "@forecourt/config";
import { createTestTenant, createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { handleExportAudit } from "./handlers/audit";
import {
  handleAddDepartment,
  handleReplaceAccount,
  handleSaveCustomer,
  handleSaveDealer,
  handleSaveSubscription,
  handleSetCustomerSuspension,
  handleSetUserSuspension,
} from "./handlers/provider";
import { handleAcceptInvitation, handleRequestPasswordReset, handleResetPassword } from "./handlers/public";
import type { THandlerResult } from "./handlers/result";
import { handleConfirmTwoFactor, handleStartTwoFactor } from "./handlers/security";
import {
  handleChangeMemberStatus,
  handleForceSignOut,
  handleInviteUser,
  handleReportMisuse,
  handleRevokeMemberSession,
  handleSendPasswordReset,
  handleUnlockMember,
  handleUpdateMember,
} from "./handlers/users";

const SRC = join(import.meta.dirname, "..");
/** Every role of customer A, plus a provider managed agent (provider staff without support rights). */
const ROLES = ["OWNER", "ADMIN", "SUPERVISOR", "AGENT", "PROVIDER_MANAGED_AGENT"] as const;
type TRole = (typeof ROLES)[number];
const meta = { ip: "10.66.0.1" };
const guess = () => crypto.randomUUID();

type TB = {
  customerId: string;
  customerName: string;
  dealerId: string;
  dealerName: string;
  departmentId: string;
  membershipId: string;
  userId: string;
  userEmail: string;
  sessionId: string;
  subscriptionId: string;
};
type TCtx = { session: TSessionContext; b: TB };
/** What one attempt returned; `refused` cases must be 403/404, `public`/`own` ones only free of B's data. */
type TCase =
  | { kind: "refused"; attempts: (ctx: TCtx) => Promise<THandlerResult<unknown>>[] }
  | { kind: "public" | "own"; attempts: (ctx: TCtx) => Promise<unknown>[] }
  | { kind: "exempt"; reason: string };

const member = (b: TB, extra: Record<string, unknown> = {}) => [
  { membershipId: b.membershipId, ...extra },
  { membershipId: b.membershipId, customerId: b.customerId, ...extra },
  { membershipId: guess(), ...extra },
  { membershipId: guess(), customerId: guess(), ...extra },
];

const CASES: Record<string, TCase> = {
  // ── routes ───────────────────────────────────────────────────────────────────────────────
  "route:app/api/audit/export/route.ts#GET": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleExportAudit(session, { customerId: b.customerId }, meta),
      handleExportAudit(session, { customerId: guess() }, meta),
    ],
  },
  "route:app/api/auth/[...nextauth]/route.ts#GET": {
    kind: "exempt",
    reason: "Auth.js endpoints take no tenant object ids; sign-in is covered by sign-in.integration.test.ts",
  },
  "route:app/api/auth/[...nextauth]/route.ts#POST": {
    kind: "exempt",
    reason: "Auth.js endpoints take no tenant object ids; sign-in is covered by sign-in.integration.test.ts",
  },
  "route:app/api/health/route.ts#GET": { kind: "exempt", reason: "liveness only, returns { ok: true }" },

  // ── Settings → Users (and the provider console's user operations) ───────────────────────
  "action:server/actions/users.ts#inviteUserAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleInviteUser(session, { customerId: b.customerId, email: "intruder@test.example", role: "ADMIN" }, meta),
      handleInviteUser(session, { customerId: guess(), email: "intruder@test.example", role: "ADMIN" }, meta),
      handleInviteUser(
        session,
        { email: "scoped@test.example", role: "AGENT", dealerIds: [b.dealerId], departmentIds: [] },
        meta,
      ),
      handleInviteUser(
        session,
        { email: "scoped2@test.example", role: "AGENT", departmentIds: [b.departmentId] },
        meta,
      ),
    ],
  },
  "action:server/actions/users.ts#updateMemberAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      ...member(b, { role: "AGENT", dealerIds: [], departmentIds: [] }).map((raw) =>
        handleUpdateMember(session, raw, meta),
      ),
    ],
  },
  "action:server/actions/users.ts#changeMemberStatusAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      member(b, { change: "archive" }).map((raw) => handleChangeMemberStatus(session, raw, meta)),
  },
  "action:server/actions/users.ts#sendPasswordResetAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleSendPasswordReset(session, raw, meta)),
  },
  "action:server/actions/users.ts#forceSignOutAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleForceSignOut(session, raw, meta)),
  },
  "action:server/actions/users.ts#revokeMemberSessionAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      member(b, { sessionId: b.sessionId }).map((raw) => handleRevokeMemberSession(session, raw, meta)),
  },
  "action:server/actions/users.ts#unlockMemberAction": {
    kind: "refused",
    attempts: ({ session, b }) => member(b).map((raw) => handleUnlockMember(session, raw, meta)),
  },
  "action:server/actions/users.ts#reportMisuseAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleReportMisuse(
        session,
        { description: "Naming a user of another customer.", subjectMembershipId: b.membershipId },
        meta,
      ),
      handleReportMisuse(
        session,
        { description: "Naming a guessed user id here.", subjectMembershipId: guess() },
        meta,
      ),
    ],
  },

  // ── provider console ─────────────────────────────────────────────────────────────────────
  "action:server/actions/provider.ts#saveCustomerAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveCustomer(
        session,
        { customerId: b.customerId, name: "Hijacked", kind: "DEALER", tier: "PLUS", parentId: "" },
        meta,
      ),
      handleSaveCustomer(session, { name: "Planted", kind: "DEALER", tier: "STANDARD", parentId: b.customerId }, meta),
    ],
  },
  "action:server/actions/provider.ts#saveDealerAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveDealer(session, { customerId: b.customerId, dealerId: b.dealerId, name: "Hijacked" }, meta),
      handleSaveDealer(session, { customerId: b.customerId, name: "Planted dealer" }, meta),
      handleSaveDealer(session, { customerId: guess(), dealerId: guess(), name: "Guess" }, meta),
    ],
  },
  "action:server/actions/provider.ts#addDepartmentAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleAddDepartment(
        session,
        { customerId: b.customerId, dealerId: b.dealerId, name: "Planted", kind: "SALES" },
        meta,
      ),
      handleAddDepartment(session, { customerId: guess(), dealerId: guess(), name: "Guess", kind: "SALES" }, meta),
    ],
  },
  "action:server/actions/provider.ts#saveSubscriptionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSaveSubscription(
        session,
        {
          customerId: b.customerId,
          subscriptionId: b.subscriptionId,
          tier: "PLUS",
          contractDate: "2026-01-01",
          initialTermMonths: "1",
          monthlyFee: "1",
        },
        meta,
      ),
    ],
  },
  "action:server/actions/provider.ts#setCustomerSuspensionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetCustomerSuspension(session, { customerId: b.customerId, suspend: "true", reason: "hostile" }, meta),
      handleSetCustomerSuspension(session, { customerId: guess(), suspend: "true", reason: "hostile" }, meta),
    ],
  },
  "action:server/actions/provider.ts#setUserSuspensionAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleSetUserSuspension(session, { userId: b.userId, suspend: "true" }, meta),
      handleSetUserSuspension(session, { userId: guess(), suspend: "true" }, meta),
    ],
  },
  "action:server/actions/provider.ts#replaceAccountAction": {
    kind: "refused",
    attempts: ({ session, b }) => [
      handleReplaceAccount(session, { userId: b.userId }, meta),
      handleReplaceAccount(session, { userId: guess() }, meta),
    ],
  },

  // ── the signed-in user's own settings: no object id accepted ───────────────────────────
  "action:server/actions/two-factor.ts#startTwoFactorAction": {
    kind: "own",
    attempts: ({ session, b }) => [handleStartTwoFactor(session, { userId: b.userId }, meta)],
  },
  "action:server/actions/two-factor.ts#confirmTwoFactorAction": {
    kind: "own",
    attempts: ({ session, b }) => [handleConfirmTwoFactor(session, { code: "123456", userId: b.userId }, meta)],
  },
  "action:server/actions/two-factor.ts#disableTwoFactorAction": {
    kind: "exempt",
    reason: "acts only on the signed-in user's own row (user id from the session, never from input)",
  },
  "action:server/actions/update-locale.ts#updateLocaleAction": {
    kind: "exempt",
    reason: "changes only the signed-in user's own locale",
  },
  "action:server/actions/sign-out.ts#signOutAction": {
    kind: "exempt",
    reason: "revokes only the caller's own session (id from the session cookie)",
  },
  "action:server/actions/sign-in.ts#signInAction": {
    kind: "exempt",
    reason: "credentials only; covered by sign-in.integration.test.ts",
  },
  "action:server/actions/switch-tenant.ts#switchTenantAction": {
    kind: "refused",
    attempts: ({ session, b }) =>
      [b.customerId, guess()].map(async (customerId) => {
        const result = await switchActiveTenant({
          sessionId: session.sessionId,
          userId: session.user.id,
          input: { customerId },
        });
        return result.ok
          ? ({ ok: true, data: result } as const)
          : ({ ok: false, status: 404, error: result.reason } as const);
      }),
  },

  // ── public pages: the token is the only authority ───────────────────────────────────────
  "action:server/actions/public-accounts.ts#acceptInvitationAction": {
    kind: "public",
    attempts: ({ b }) => [
      handleAcceptInvitation({
        token: `${b.customerId}.${"x".repeat(43)}`,
        name: "Intruder",
        password: "correct-horse-staple-9",
      }),
      handleAcceptInvitation({
        token: `${guess()}.${"y".repeat(43)}`,
        name: "Intruder",
        password: "correct-horse-staple-9",
      }),
    ],
  },
  "action:server/actions/public-accounts.ts#requestPasswordResetAction": {
    kind: "public",
    attempts: ({ b }) => [handleRequestPasswordReset({ email: b.userEmail })],
  },
  "action:server/actions/public-accounts.ts#resetPasswordAction": {
    kind: "public",
    attempts: () => [handleResetPassword({ token: "z".repeat(43), password: "correct-horse-staple-9" })],
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every route handler export and every server action export in the web app. */
function enumerateEntryPoints(): string[] {
  const keys: string[] = [];
  for (const file of walk(SRC)) {
    if (!/\.(ts|tsx)$/.test(file) || file.includes(".test.")) continue;
    const text = readFileSync(file, "utf8");
    const rel = relative(SRC, file).split("\\").join("/");
    if (/\/route\.ts$/.test(rel)) {
      for (const m of text.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
        keys.push(`route:${rel}#${m[1]}`);
      }
      for (const m of text.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
        for (const name of m[1]!.split(",").map((s) => s.trim())) {
          if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) keys.push(`route:${rel}#${name}`);
        }
      }
    }
    if (/^\s*["']use server["']/.test(text)) {
      for (const m of text.matchAll(/export\s+(?:async\s+function|const)\s+(\w+)/g)) keys.push(`action:${rel}#${m[1]}`);
    }
  }
  return keys.sort();
}

let b: TB;
const sink = new SmtpSink();
const sessions = new Map<TRole, TSessionContext>();
const created: string[] = [];

beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  const a = await createTestTenant("Iso A");
  const tb = await createTestTenant("Iso B");
  created.push(a.customer.id, tb.customer.id);
  const department = await ownerDb().department.create({
    data: { customerId: tb.customer.id, dealerId: tb.dealer.id, name: "B Sales", kind: "SALES" },
  });
  const subscription = await ownerDb().subscription.create({
    data: { customerId: tb.customer.id, contractDate: new Date("2026-01-01"), initialTermMonths: 12, monthlyFee: "99" },
  });
  const { user: bUser, password: bPassword } = await createTestUser({ customerId: tb.customer.id, role: "ADMIN" });
  const bSession = await signInWithPassword({
    email: bUser.email,
    password: bPassword,
    ip: "10.66.1.1",
    userAgent: null,
  });
  if (!bSession.ok) throw new Error("B sign-in failed");
  const membership = await ownerDb().membership.findFirstOrThrow({ where: { userId: bUser.id } });
  b = {
    customerId: tb.customer.id,
    customerName: tb.customer.name,
    dealerId: tb.dealer.id,
    dealerName: tb.dealer.name,
    departmentId: department.id,
    membershipId: membership.id,
    userId: bUser.id,
    userEmail: bUser.email,
    sessionId: bSession.sessionId,
    subscriptionId: subscription.id,
  };
  for (const role of ROLES) {
    const { user, password } =
      role === "PROVIDER_MANAGED_AGENT"
        ? await createTestUser({ providerRole: "MANAGED_AGENT" })
        : await createTestUser({ customerId: a.customer.id, role });
    const signedIn = await signInWithPassword({
      email: user.email,
      password,
      ip: `10.66.2.${role.length}`,
      userAgent: null,
    });
    if (!signedIn.ok) throw new Error(`${role} sign-in failed`);
    sessions.set(role, (await getSessionContext(signedIn.sessionId))!);
  }
});

afterAll(async () => {
  // "Forgot password" mails are sent without awaiting (same answer time for every address): let them land.
  for (let i = 0; i < 50 && sink.mails.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  await sink.close();
  await ownerDb().customer.deleteMany({ where: { id: { in: created } } });
  await ownerDb().customer.deleteMany({ where: { name: { in: ["Planted", "Hijacked"] } } });
  redis().disconnect();
});

function leaks(body: unknown): string[] {
  const text = JSON.stringify(body) ?? "";
  return [
    b.customerName,
    b.dealerName,
    b.userEmail,
    "B Sales",
    b.membershipId,
    b.userId,
    b.sessionId,
    b.dealerId,
  ].filter((secret) => text.includes(secret));
}

describe("isolation suite", () => {
  it("has a case for every API route and server action (a new one without a case fails here)", () => {
    const found = enumerateEntryPoints();
    const missing = found.filter((key) => !(key in CASES));
    const stale = Object.keys(CASES).filter((key) => !found.includes(key));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(found.length).toBeGreaterThan(20);
  });

  for (const [key, testCase] of Object.entries(CASES)) {
    if (testCase.kind === "exempt") continue;
    it(`${key}: every role of A is refused on B's objects, with none of B's data`, async () => {
      for (const role of ROLES) {
        const session = sessions.get(role)!;
        const results = await Promise.all(testCase.attempts({ session, b }));
        for (const [i, result] of results.entries()) {
          const where = `${role} attempt ${i + 1}`;
          expect(leaks(result), where).toEqual([]);
          if (testCase.kind === "refused") {
            const r = result as THandlerResult<unknown>;
            expect(r.ok, `${where}: ${JSON.stringify(r)}`).toBe(false);
            if (!r.ok) expect([403, 404], `${where}: ${JSON.stringify(r)}`).toContain(r.status);
          }
          if (testCase.kind === "public") {
            const r = result as THandlerResult<{ ok: boolean }>;
            // the public handlers answer alike for every address: nothing about B comes back.
            if (r.ok && key.includes("acceptInvitation")) expect(r.data.ok, where).toBe(false);
            if (r.ok && key.includes("resetPassword")) expect(r.data.ok, where).toBe(false);
          }
        }
      }
    });
  }

  it("left B's rows as they were", async () => {
    const customer = await ownerDb().customer.findUniqueOrThrow({ where: { id: b.customerId } });
    expect(customer).toMatchObject({ name: b.customerName, status: "ACTIVE", tier: "STANDARD", suspendedReason: null });
    expect(await ownerDb().dealer.findMany({ where: { customerId: b.customerId } })).toHaveLength(1);
    expect(await ownerDb().department.count({ where: { customerId: b.customerId } })).toBe(1);
    expect(await ownerDb().invitation.count({ where: { customerId: b.customerId } })).toBe(0);
    expect(await ownerDb().membership.findUniqueOrThrow({ where: { id: b.membershipId } })).toMatchObject({
      status: "ACTIVE",
      role: "ADMIN",
    });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: b.userId } })).toMatchObject({
      status: "ACTIVE",
      totpEnabledAt: null,
    });
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: b.sessionId } })).revokedAt).toBeNull();
    expect(await ownerDb().subscription.findUniqueOrThrow({ where: { id: b.subscriptionId } })).toMatchObject({
      initialTermMonths: 12,
      tier: "STANDARD",
    });
    expect(await ownerDb().misuseReport.count({ where: { customerId: b.customerId } })).toBe(0);
    // The only mail B's people may get is the public "forgot password" answer (sent to the owner of the address).
    const sent = sink.mails.filter((m) => !m.subject.includes("new Forecourt password"));
    expect(sent.map((m) => `${m.to.join(",")}: ${m.subject}`)).toEqual([]);
  });
});
