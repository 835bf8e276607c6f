import { createECDH, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Secrets that a developer machine may generate for itself; production must set them. */
export type TDevSecrets = {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  APP_DATABASE_PASSWORD: string;
  VAPID_PUBLIC_KEY: string;
  VAPID_PRIVATE_KEY: string;
};

/** A P-256 key pair for Web Push (VAPID), as web-push's generateVAPIDKeys makes it. */
function vapidKeys(): Pick<TDevSecrets, "VAPID_PUBLIC_KEY" | "VAPID_PRIVATE_KEY"> {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return {
    VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString("base64url"),
    // A key with leading zero bytes comes back shorter: pad it to the 32 bytes VAPID expects.
    VAPID_PRIVATE_KEY: Buffer.concat([Buffer.alloc(32), ecdh.getPrivateKey()])
      .subarray(-32)
      .toString("base64url"),
  };
}

function freshSecrets(): TDevSecrets {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    APP_DATABASE_PASSWORD: randomBytes(18).toString("base64url"),
    ...vapidKeys(),
  };
}

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
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<TDevSecrets>) : {};
  // A file from before a secret existed gains it; the ones it has are kept.
  const secrets = { ...freshSecrets(), ...existing };
  if (Object.keys(secrets).length !== Object.keys(existing).length) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
