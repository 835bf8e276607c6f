import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { appDb, withProviderAccess, withTenant, withUser } from "@forecourt/db";
import { createTestTenant } from "./fixtures";
import { ownerDb } from "./owner-db";

let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;

beforeAll(async () => {
  a = await createTestTenant("A");
  b = await createTestTenant("B");
});

afterAll(async () => {
  await ownerDb().customer.deleteMany({ where: { id: { in: [a.customer.id, b.customer.id] } } });
});

describe("row-level security", () => {
  it("runs the application as a role without superuser or BYPASSRLS", async () => {
    const rows = await appDb().$queryRaw<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }[]>`
      SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(rows).toEqual([{ rolname: getConfig().APP_DATABASE_ROLE, rolsuper: false, rolbypassrls: false }]);
  });

  it("protects every table that carries customerId with RLS and FORCE", async () => {
    const tables = await ownerDb().$queryRaw<{ table: string; rls: boolean; force: boolean; policies: bigint }[]>`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS force,
             (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'customerId')
             OR c.relname = 'Customer')
      ORDER BY c.relname`;
    expect(tables.map((t) => t.table)).toEqual(
      expect.arrayContaining(["AuditEvent", "Customer", "Dealer", "Membership", "MembershipDealer"]),
    );
    for (const table of tables) {
      expect({ table: table.table, rls: table.rls, force: table.force, policies: Number(table.policies) }).toEqual({
        table: table.table,
        rls: true,
        force: true,
        policies: 1,
      });
    }
  });

  it("hides and protects every tenant table's foreign rows inside withTenant (each table, generically)", async () => {
    // Give B a row in the tables a fresh tenant starts without, so the check has something to hide.
    await ownerDb().department.create({ data: { customerId: b.customer.id, dealerId: b.dealer.id, name: "B dept" } });
    await ownerDb().auditEvent.create({ data: { customerId: b.customer.id, action: "test.b" } });
    const tables = await ownerDb().$queryRaw<{ table: string; qual: string; check: string }[]>`
      SELECT p.tablename AS table, p.qual, p.with_check AS check FROM pg_policies p
      WHERE p.schemaname = 'public' AND p.policyname = 'tenant_isolation' ORDER BY p.tablename`;
    expect(tables.length).toBeGreaterThan(20);
    for (const { table, qual, check } of tables) {
      const key = table === "Customer" ? "id" : "customerId";
      expect(qual, table).toContain("app_tenant_id()");
      expect(check, table).toContain("app_tenant_id()");
      const foreign = await withTenant(a.customer.id, (tx) =>
        tx.$queryRawUnsafe<{ n: bigint }[]>(
          `SELECT count(*) AS n FROM "${table}" WHERE "${key}" <> $1::uuid`,
          a.customer.id,
        ),
      );
      expect({ table, visible: Number(foreign[0]!.n) }).toEqual({ table, visible: 0 });
      // AuditEvent: the app role may not UPDATE or DELETE it at all (append-only, tested in core).
      const touched = await withTenant(a.customer.id, (tx) =>
        table === "AuditEvent"
          ? Promise.resolve(0)
          : tx.$executeRawUnsafe(`UPDATE "${table}" SET "${key}" = "${key}" WHERE "${key}" <> $1::uuid`, a.customer.id),
      );
      expect({ table, touched }).toEqual({ table, touched: 0 });
      const deleted = await withTenant(a.customer.id, (tx) =>
        table === "AuditEvent"
          ? Promise.resolve(0)
          : tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${key}" = $1::uuid`, b.customer.id),
      );
      expect({ table, deleted }).toEqual({ table, deleted: 0 });
    }
    expect(await ownerDb().department.count({ where: { customerId: b.customer.id } })).toBe(1);
  });

  it("shows no tenant rows to a query outside the helper", async () => {
    expect(await ownerDb().dealer.count({ where: { id: a.dealer.id } })).toBe(1);
    expect(await appDb().dealer.count()).toBe(0);
    expect(await appDb().customer.count()).toBe(0);
    expect(await appDb().dealer.findUnique({ where: { id: a.dealer.id } })).toBeNull();
  });

  it("lets tenant A's transaction see only A's rows", async () => {
    const dealers = await withTenant(a.customer.id, (tx) => tx.dealer.findMany());
    expect(dealers.map((d) => d.id)).toEqual([a.dealer.id]);
    const foreign = await withTenant(a.customer.id, (tx) => tx.dealer.findUnique({ where: { id: b.dealer.id } }));
    expect(foreign).toBeNull();
  });

  it("stops tenant A's transaction from writing B's rows", async () => {
    const updated = await withTenant(a.customer.id, (tx) =>
      tx.dealer.updateMany({ where: { id: b.dealer.id }, data: { name: "hijacked" } }),
    );
    expect(updated.count).toBe(0);
    const deleted = await withTenant(a.customer.id, (tx) => tx.dealer.deleteMany({ where: { id: b.dealer.id } }));
    expect(deleted.count).toBe(0);
    await expect(
      withTenant(a.customer.id, (tx) => tx.dealer.create({ data: { customerId: b.customer.id, name: "planted" } })),
    ).rejects.toThrow(/row-level security/i);
    const stillB = await ownerDb().dealer.findUniqueOrThrow({ where: { id: b.dealer.id } });
    expect(stillB.name).toBe(b.dealer.name);
    expect(await ownerDb().dealer.count({ where: { name: "planted" } })).toBe(0);
  });

  it("does not leak the tenant to the next transaction on the same pool", async () => {
    await withTenant(a.customer.id, (tx) => tx.dealer.count());
    expect(await appDb().dealer.count()).toBe(0);
  });

  it("rejects a malformed tenant id instead of running unscoped", async () => {
    await expect(withTenant("' OR 1=1 --", (tx) => tx.dealer.count())).rejects.toThrow(/valid id/);
  });

  it("lets a user see their own memberships across tenants and nothing else", async () => {
    const user = await ownerDb().user.create({ data: { email: `rls-${crypto.randomUUID()}@test.example`, name: "U" } });
    await ownerDb().membership.create({ data: { customerId: a.customer.id, userId: user.id, role: "AGENT" } });
    const other = await ownerDb().user.create({
      data: { email: `rls-${crypto.randomUUID()}@test.example`, name: "V" },
    });
    await ownerDb().membership.create({ data: { customerId: b.customer.id, userId: other.id, role: "AGENT" } });

    const seen = await withUser(user.id, async (tx) => ({
      memberships: await tx.membership.findMany({ include: { customer: true } }),
      dealers: await tx.dealer.count(),
    }));
    expect(seen.memberships.map((m) => m.customer.id)).toEqual([a.customer.id]);
    expect(seen.dealers).toBe(0);
  });

  it("lets a user read the dealers their membership is scoped to, and no others", async () => {
    const user = await ownerDb().user.create({ data: { email: `rls-${crypto.randomUUID()}@test.example`, name: "S" } });
    const membership = await ownerDb().membership.create({
      data: { customerId: a.customer.id, userId: user.id, role: "AGENT" },
    });
    const second = await ownerDb().dealer.create({
      data: { customerId: a.customer.id, name: `A second ${crypto.randomUUID()}` },
    });
    await ownerDb().membershipDealer.create({
      data: { customerId: a.customer.id, membershipId: membership.id, dealerId: a.dealer.id },
    });
    const seen = await withUser(user.id, (tx) => tx.dealer.findMany({ select: { id: true } }));
    expect(seen.map((d) => d.id)).toEqual([a.dealer.id]);
    expect(seen.map((d) => d.id)).not.toContain(second.id);
    expect(seen.map((d) => d.id)).not.toContain(b.dealer.id);
  });

  it("opens every tenant only on the explicit provider path, and audits it", async () => {
    const actor = await ownerDb().user.create({
      data: { email: `staff-${crypto.randomUUID()}@test.example`, name: "Staff", providerRole: "SUPPORT" },
    });
    const ids = await withProviderAccess({ actorUserId: actor.id, reason: "test: list dealers" }, (tx) =>
      tx.dealer.findMany({ where: { id: { in: [a.dealer.id, b.dealer.id] } }, select: { id: true } }),
    );
    expect(ids.map((d) => d.id).sort()).toEqual([a.dealer.id, b.dealer.id].sort());
    const audit = await ownerDb().auditEvent.findFirst({ where: { actorUserId: actor.id, action: "provider.access" } });
    expect(audit?.data).toEqual({ reason: "test: list dealers" });
  });

  it("keeps the audit log append-only for the application role", async () => {
    await withTenant(a.customer.id, (tx) =>
      tx.auditEvent.create({ data: { customerId: a.customer.id, action: "test.event" } }),
    );
    await expect(
      withTenant(a.customer.id, (tx) =>
        tx.auditEvent.updateMany({ where: { action: "test.event" }, data: { action: "x" } }),
      ),
    ).rejects.toThrow(/permission denied/i);
    await expect(
      withTenant(a.customer.id, (tx) => tx.auditEvent.deleteMany({ where: { action: "test.event" } })),
    ).rejects.toThrow(/permission denied/i);
  });
});
