import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type * as SchemaEngineWasm from "@prisma/schema-engine-wasm";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type TWasmExports = Record<string, unknown>;
// Node has the WebAssembly global, but @types/node does not declare it (lib.dom does); this
// package is server-only, so declare the one call we make instead of pulling in DOM types.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: TWasmExports } }>;
};

/**
 * Prisma's schema engine as WebAssembly, driven through the pg driver adapter. The Prisma CLI
 * would download a native schema-engine binary, which these machines cannot reach; the WASM
 * build does the same work (diff, apply, record in `_prisma_migrations`). We instantiate the
 * module ourselves so that no `--experimental-wasm-modules` flag is needed.
 */
export async function openSchemaEngine(
  connectionString: string,
  datamodel: { path: string; content: string },
): Promise<SchemaEngine> {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings =
    (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as typeof SchemaEngineWasm & {
      __wbg_set_wasm(exports: TWasmExports): void;
    };
  const bytes = await readFile(join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as Record<string, unknown>,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();

  const adapter = bindMigrationAwareSqlAdapterFactory(withShadowDatabase(connectionString));
  const log = (line: string) => {
    if (/"level":"(ERROR|WARN)"/.test(line)) console.error(line);
  };
  return bindings.SchemaEngine.new({ datamodels: [[datamodel.path, datamodel.content]] }, log, adapter);
}

/**
 * Separate fields rather than a connection string: the adapter's shadow database is opened
 * with `{ ...config, database }`, and pg lets a connectionString override that `database`.
 */
function poolConfigOf(connectionString: string) {
  const url = new URL(connectionString);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)),
  };
}

/**
 * The pg adapter's own shadow database drops the database before closing its pool (so the
 * DROP fails); this factory creates and drops it in the right order, with FORCE for safety.
 */
function withShadowDatabase(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const main = adapterFor(poolConfigOf(connectionString));
  return Object.assign(main, {
    async connectToShadowDb() {
      const name = `prisma_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      const admin = new pg.Client(poolConfigOf(connectionString));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      const pool = poolFor({ ...poolConfigOf(connectionString), database: name });
      const shadow = await new PrismaPg(pool).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await pool.end();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      };
      return shadow;
    },
  });
}

/** Postgres' one-byte "char" type (pg_constraint.confdeltype and friends). */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The pg adapter rejects columns of the internal "char" type, which the schema engine reads
 * when it describes foreign keys; report them as text, which is what they hold.
 */
class CatalogFriendlyPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (!(result instanceof Promise)) return result as never;
    return result.then((res: pg.QueryResult) => {
      for (const field of res?.fields ?? []) {
        if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      }
      return res;
    }) as never;
  }
}

function poolFor(config: pg.PoolConfig) {
  return new CatalogFriendlyPool(config);
}

function adapterFor(config: pg.PoolConfig) {
  return new PrismaPg(poolFor(config));
}
