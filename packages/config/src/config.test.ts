import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { loadOrCreateDevSecrets } from "./dev-secrets";
import path from "node:path";
import { ConfigError, findRepoRoot, parseConfig, resolveStorageDir } from "./index";

const secrets = {
  AUTH_SECRET: "x".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_DATABASE_PASSWORD: "a-long-password",
  VAPID_PUBLIC_KEY: Buffer.alloc(65, 4).toString("base64url"),
  VAPID_PRIVATE_KEY: Buffer.alloc(32, 9).toString("base64url"),
};

describe("parseConfig", () => {
  it("applies local defaults so the start command needs no .env", () => {
    const config = parseConfig({ APP_ENV: "production", ...secrets });
    expect(config.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/forecourt");
    expect(config.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(config.databaseName).toBe("forecourt");
  });

  it("derives the runtime URL with the row-level-security role", () => {
    const config = parseConfig({ APP_ENV: "production", ...secrets });
    const url = new URL(config.appDatabaseUrl);
    expect(url.username).toBe("forecourt_app");
    expect(url.password).toBe("a-long-password");
    expect(url.pathname).toBe("/forecourt");
  });

  it("names every missing or invalid variable", () => {
    let message = "";
    try {
      parseConfig({ APP_ENV: "production", REDIS_URL: "not a url", ENCRYPTION_KEY: "short" });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain("REDIS_URL");
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("ENCRYPTION_KEY: must be 32 bytes encoded as base64");
    expect(message).toContain("APP_DATABASE_PASSWORD");
  });

  it("treats empty strings as unset", () => {
    const config = parseConfig({ APP_ENV: "production", ...secrets, WEB_PORT: "" });
    expect(config.WEB_PORT).toBe(3000);
  });
});

describe("storageDir", () => {
  it("resolves a relative STORAGE_DIR against the repository root, not the working directory", () => {
    const config = parseConfig({ APP_ENV: "production", ...secrets, STORAGE_DIR: ".forecourt/storage" });
    expect(config.storageDir).toBe(path.join(findRepoRoot(), ".forecourt/storage"));
    expect(resolveStorageDir("data/files", () => "/srv/forecourt")).toBe("/srv/forecourt/data/files");
  });

  it("keeps an absolute STORAGE_DIR", () => {
    expect(resolveStorageDir("/var/lib/forecourt/storage/", () => "/elsewhere")).toBe("/var/lib/forecourt/storage/");
  });
});

describe("development secrets", () => {
  it("a secrets file from before Web Push gains a VAPID key pair and keeps what it had", () => {
    const root = mkdtempSync(path.join(tmpdir(), "fc-secrets-"));
    mkdirSync(path.join(root, ".forecourt"));
    const file = path.join(root, ".forecourt", "dev-secrets.json");
    writeFileSync(
      file,
      JSON.stringify({
        AUTH_SECRET: "kept".repeat(10),
        ENCRYPTION_KEY: secrets.ENCRYPTION_KEY,
        APP_DATABASE_PASSWORD: "kept-password",
      }),
    );
    const loaded = loadOrCreateDevSecrets(root);
    expect(loaded.AUTH_SECRET).toBe("kept".repeat(10));
    expect(Buffer.from(loaded.VAPID_PUBLIC_KEY, "base64url")).toHaveLength(65);
    expect(Buffer.from(loaded.VAPID_PRIVATE_KEY, "base64url")).toHaveLength(32);
    // Written back, so the key pair (and the browsers subscribed with it) survives a restart.
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(loaded);
    expect(loadOrCreateDevSecrets(root)).toEqual(loaded);
  });

  it("production needs its own VAPID keys and never sends pushes to 127.0.0.1", () => {
    const { VAPID_PUBLIC_KEY: _p, VAPID_PRIVATE_KEY: _k, ...rest } = secrets;
    expect(() => parseConfig({ APP_ENV: "production", ...rest })).toThrow(/VAPID_PUBLIC_KEY/);
    expect(() =>
      parseConfig({ APP_ENV: "production", ...secrets, PUSH_SERVICE_HOSTS: "fcm.googleapis.com,127.0.0.1" }),
    ).toThrow(/PUSH_SERVICE_HOSTS/);
    expect(parseConfig({ APP_ENV: "production", ...secrets }).PUSH_SERVICE_HOSTS).toContain("fcm.googleapis.com");
  });
});
