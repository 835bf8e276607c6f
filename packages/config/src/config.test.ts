import { describe, expect, it } from "vitest";
import path from "node:path";
import { ConfigError, findRepoRoot, parseConfig, resolveStorageDir } from "./index";

const secrets = {
  AUTH_SECRET: "x".repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_DATABASE_PASSWORD: "a-long-password",
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
