import path from "node:path";
import { z } from "zod";
import { findRepoRoot, loadOrCreateDevSecrets } from "./dev-secrets";
import { ZEnv, type TEnv } from "./env-schema";

export { ZEnv, type TEnv } from "./env-schema";
export { findRepoRoot } from "./dev-secrets";

export type TConfig = TEnv & {
  /** The runtime (row-level-security) connection string. */
  appDatabaseUrl: string;
  /** The database name of DATABASE_URL, e.g. "forecourt" or "forecourt_test". */
  databaseName: string;
  /**
   * STORAGE_DIR as an absolute path: a relative value is resolved against the repository root,
   * never the process's working directory, so web (cwd apps/web), worker (cwd apps/worker) and
   * scripts (cwd repo root) all read, write and delete the same files. The only place that
   * resolves the storage location (docs/retention.md, "Attachment storage").
   */
  storageDir: string;
};

/** Raised when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment (default: process.env). Pure apart from dev-secret generation. */
export function parseConfig(source: Record<string, string | undefined> = process.env): TConfig {
  const env: Record<string, string | undefined> = { ...source };
  for (const [key, value] of Object.entries(env)) if (value === "") delete env[key];
  if (env.APP_ENV !== "production") {
    const secrets = loadOrCreateDevSecrets();
    for (const [key, value] of Object.entries(secrets)) env[key] ??= value;
  }
  const result = ZEnv.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new ConfigError(`Invalid environment. Fix these variables (see .env.example):\n${lines.join("\n")}`);
  }
  if (result.data.APP_ENV === "production" && result.data.PUSH_SERVICE_HOSTS.includes("127.0.0.1"))
    throw new ConfigError(
      "Invalid environment. Fix these variables (see .env.example):\n  PUSH_SERVICE_HOSTS: must not list 127.0.0.1 in production (SSRF)",
    );
  if (result.data.APP_ENV === "production" && result.data.WEBHOOK_ALLOW_PRIVATE_TARGETS)
    throw new ConfigError(
      "Invalid environment. Fix these variables (see .env.example):\n  WEBHOOK_ALLOW_PRIVATE_TARGETS: must not be true in production (SSRF)",
    );
  return withDerived(result.data);
}

function withDerived(env: TEnv): TConfig {
  const owner = new URL(env.DATABASE_URL);
  const appUrl = new URL(env.DATABASE_URL);
  appUrl.username = env.APP_DATABASE_ROLE;
  appUrl.password = env.APP_DATABASE_PASSWORD;
  return {
    ...env,
    appDatabaseUrl: env.APP_DATABASE_URL ?? appUrl.toString(),
    databaseName: decodeURIComponent(owner.pathname.replace(/^\//, "")),
    storageDir: resolveStorageDir(env.STORAGE_DIR),
  };
}

/** An absolute STORAGE_DIR as is; a relative one against the repository root (not the cwd). */
export function resolveStorageDir(dir: string, repoRoot: () => string = findRepoRoot): string {
  return path.normalize(path.isAbsolute(dir) ? dir : path.join(repoRoot(), dir));
}

/**
 * The environment for a child process this process starts (tests start the web app's use cases
 * and the worker as real processes): this process's environment with `overrides` on top.
 */
export function childProcessEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}

/** Whether this is Next.js's development server (`next dev`); its NODE_ENV, not ours (APP_ENV). */
export function isNextDevelopment(): boolean {
  return process.env.NODE_ENV === "development";
}

let cached: TConfig | undefined;

/** The process's configuration, parsed once. Throws ConfigError naming bad variables. */
export function getConfig(): TConfig {
  cached ??= parseConfig();
  return cached;
}

/**
 * For a process entry point: parse the config or print why not and exit non-zero, so a
 * missing or invalid variable stops the process at start with a message that names it.
 */
export function loadConfigOrExit(): TConfig {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof z.ZodError) {
      console.error(`forecourt: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
