/**
 * Row-level security for tenant tables. Every table with a "customerId" column gets RLS with
 * FORCE and one policy: a row is visible and writable only when its customerId equals the
 * tenant set for the current transaction (`withTenant`), or inside the explicit provider path
 * (`withProviderAccess`). The migrate tool appends these statements to every migration that
 * creates such a table, so a new tenant table cannot ship without its lock.
 */

/** SQL functions the policies call; created once by the first migration. */
export const RLS_FUNCTIONS_SQL = `
-- Tenant context helpers for row-level security (set per transaction with set_config(..., true)).
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.customer_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
CREATE OR REPLACE FUNCTION app_provider_access() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT COALESCE(current_setting('app.provider_access', true), '') = 'on' $$;
`;

/** Extra visibility beyond "own tenant" for particular tables, e.g. a user's own memberships. */
const EXTRA_VISIBILITY: Record<string, string> = {
  Dealer: `"id" IN (SELECT md."dealerId" FROM "MembershipDealer" md JOIN "Membership" m ON m."id" = md."membershipId" WHERE m."userId" = app_user_id())`,
  Membership: `"userId" = app_user_id()`,
  MembershipDealer: `"membershipId" IN (SELECT "id" FROM "Membership" WHERE "userId" = app_user_id())`,
};

export function tenantPolicySql(table: string, tenantColumn = "customerId"): string {
  const extra = EXTRA_VISIBILITY[table];
  const using = [`"${tenantColumn}" = app_tenant_id()`, "app_provider_access()", extra].filter(Boolean).join(" OR ");
  const check = `"${tenantColumn}" = app_tenant_id() OR app_provider_access()`;
  return [
    `ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY;`,
    `ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY;`,
    `CREATE POLICY "tenant_isolation" ON "${table}" USING (${using}) WITH CHECK (${check});`,
  ].join("\n");
}

/** Tables created by a migration script that carry a customerId column. */
export function tenantTablesCreatedBy(sql: string): string[] {
  const tables: string[] = [];
  const createTable = /CREATE TABLE "([^"]+)" \(([\s\S]*?)\n\);/g;
  for (const match of sql.matchAll(createTable)) {
    const [, name, body] = match;
    if (name && body && /^\s*"customerId" /m.test(body)) tables.push(name);
  }
  return tables;
}

/** The Customer table is the tenant itself: its own id is the tenant key. */
export const CUSTOMER_POLICY_SQL = `
ALTER TABLE "Customer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Customer" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "Customer"
  USING ("id" = app_tenant_id() OR app_provider_access()
         OR "id" IN (SELECT "customerId" FROM "Membership" WHERE "userId" = app_user_id()))
  WITH CHECK ("id" = app_tenant_id() OR app_provider_access());
`;

/** Appends the RLS statements a generated migration needs. */
export function withRowLevelSecurity(sql: string, isFirst: boolean): string {
  const parts = [sql.trimEnd()];
  if (isFirst) parts.push("-- Row-level security (written by packages/db migrate tool)", RLS_FUNCTIONS_SQL.trim());
  const tables = tenantTablesCreatedBy(sql);
  if (tables.length > 0 && !isFirst) parts.push("-- Row-level security (written by packages/db migrate tool)");
  for (const table of tables) parts.push(tenantPolicySql(table));
  if (/CREATE TABLE "Customer" \(/.test(sql)) parts.push(CUSTOMER_POLICY_SQL.trim());
  return parts.join("\n\n") + "\n";
}
