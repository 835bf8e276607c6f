import { getConfig } from "@forecourt/config";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * Integration tests truncate and rewrite data. Refuse to run unless the database is on this
 * machine and is a dedicated test database, so a mistyped env can never wipe dev or prod.
 */
export function assertLocalTestDatabase(): void {
  const config = getConfig();
  const url = new URL(config.DATABASE_URL);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`Refusing to run tests against non-local database host ${url.hostname}`);
  }
  if (!/_test(_\d)?$/.test(config.databaseName)) {
    throw new Error(
      `Refusing to run tests against database "${config.databaseName}": its name must end in _test (or _test_<slot>). ` +
        "Use `pnpm test` (it prepares forecourt_test) or set DATABASE_URL to a *_test database.",
    );
  }
  if (!config.REDIS_PREFIX.includes("test")) {
    throw new Error(`Refusing to run tests with REDIS_PREFIX "${config.REDIS_PREFIX}": it must contain "test".`);
  }
}
