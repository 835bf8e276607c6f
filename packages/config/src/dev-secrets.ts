import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Secrets that a developer machine may generate for itself; production must set them. */
export type TDevSecrets = {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  APP_DATABASE_PASSWORD: string;
};

/** The monorepo root: the nearest folder upwards that holds pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/**
 * Reads `.forecourt/dev-secrets.json` (git-ignored), creating it on first use, so that the start
 * command works with no `.env` at all and secrets stay stable across restarts.
 */
export function loadOrCreateDevSecrets(root: string = findRepoRoot()): TDevSecrets {
  const file = join(root, ".forecourt", "dev-secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as TDevSecrets;
  const secrets: TDevSecrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    APP_DATABASE_PASSWORD: randomBytes(18).toString("base64url"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}
