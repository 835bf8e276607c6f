import pg from "pg";

/**
 * The runtime role: LOGIN, no superuser, no BYPASSRLS, so every query it runs is subject to
 * row-level security. Roles and grants are cluster state, not schema, so they live here rather
 * than in a migration; `docs/operations.md` lists the same statements for other deployments.
 */
export async function ensureAppRole(ownerUrl: string, role: string, password: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const ident = client.escapeIdentifier(role);
    const literal = client.escapeLiteral(password);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rowCount === 0) {
      await client.query(
        `CREATE ROLE ${ident} LOGIN PASSWORD ${literal} NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`,
      );
    } else {
      await client.query(`ALTER ROLE ${ident} LOGIN PASSWORD ${literal} NOSUPERUSER NOBYPASSRLS`);
    }
    const db = client.escapeIdentifier((await client.query("SELECT current_database() AS db")).rows[0].db);
    await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${ident}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${ident}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${ident}`);
    await client.query(`REVOKE ALL ON TABLE "_prisma_migrations" FROM ${ident}`);
    // The audit log is append-only for the application.
    await client.query(`REVOKE UPDATE, DELETE ON TABLE "AuditEvent" FROM ${ident}`);
  } finally {
    await client.end();
  }
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(ownerUrl: string) {
  const url = new URL(ownerUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
