/**
 * db:migrate            apply prisma/migrations (creating the database and the app role)
 * db:migrate:new <name> write the next migration from the schema diff (plus its RLS statements)
 * db:check              fail when schema.prisma and the migrations disagree
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { findRepoRoot, loadConfigOrExit } from "@forecourt/config";
import { openSchemaEngine } from "../migrate/engine";
import { readMigrationList, writeMigration, type TMigrationPaths } from "../migrate/files";
import { ensureAppRole, ensureDatabase } from "../migrate/roles";
import { withRowLevelSecurity } from "../migrate/rls";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function main() {
  const [command, name] = process.argv.slice(2);
  const config = loadConfigOrExit();
  const root = findRepoRoot();
  const paths: TMigrationPaths = {
    schemaFile: join(root, "prisma", "schema.prisma"),
    migrationsDir: join(root, "prisma", "migrations"),
  };
  const schema = { path: paths.schemaFile, content: await readFile(paths.schemaFile, "utf8") };
  await ensureDatabase(config.DATABASE_URL);
  const engine = await openSchemaEngine(config.DATABASE_URL, schema);
  const migrations = await readMigrationList(paths);

  switch (command) {
    case "apply": {
      const result = await engine.applyMigrations({ migrationsList: migrations, filters: NO_FILTERS });
      await ensureAppRole(config.DATABASE_URL, config.APP_DATABASE_ROLE, config.APP_DATABASE_PASSWORD);
      const applied = result.appliedMigrationNames;
      console.log(
        applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
      );
      return 0;
    }
    case "new": {
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        console.error("Usage: pnpm db:migrate:new <name>   (lower-case letters, digits and _)");
        return 2;
      }
      const sql = await diffMigrationsToSchema(engine, migrations, schema);
      if (!sql) {
        console.log("No changes: schema.prisma matches the migrations.");
        return 0;
      }
      const isFirst = migrations.migrationDirectories.length === 0;
      const dir = await writeMigration(paths, name, withRowLevelSecurity(sql, isFirst));
      console.log(`Wrote ${dir}/migration.sql. Review it, then run pnpm db:migrate.`);
      return 0;
    }
    case "check": {
      const sql = await diffMigrationsToSchema(engine, migrations, schema);
      if (sql) {
        console.error(
          "schema.prisma and prisma/migrations disagree. Run pnpm db:migrate:new <name>. Missing SQL:\n" + sql,
        );
        return 1;
      }
      console.log("db:check: schema.prisma matches prisma/migrations.");
      return 0;
    }
    default:
      console.error("Usage: migrate.ts apply | new <name> | check");
      return 2;
  }
}

async function diffMigrationsToSchema(
  engine: Awaited<ReturnType<typeof openSchemaEngine>>,
  migrations: Awaited<ReturnType<typeof readMigrationList>>,
  schema: { path: string; content: string },
): Promise<string> {
  const from =
    migrations.migrationDirectories.length === 0
      ? { tag: "empty" as const }
      : { tag: "migrations" as const, ...migrations };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [schema] },
    script: true,
    exitCode: null,
    filters: NO_FILTERS,
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "" || sql === "-- This is an empty migration." ? "" : sql;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
