import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests are tiered by file name (DESIGN.md conventions):
//   *.test.ts              unit, no I/O
//   *.integration.test.ts  real PostgreSQL and Redis (the test database, never the dev one)
//   e2e/*.spec.ts          Playwright, run by apps/web's own config
const ignored = ["**/node_modules/**", "**/.next/**", "**/dist/**", "**/e2e/**"];

// apps/web's "@/…" import path (its tsconfig paths), so tests can call route modules directly.
const resolve = { alias: { "@/": fileURLToPath(new URL("./apps/web/src/", import.meta.url)) } };

// next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
// through Vite it resolves (route modules and action helpers import the session).
const server = { deps: { inline: ["next-auth"] } };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          server,
          include: ["{apps,packages,bench,tests}/**/*.test.ts"],
          exclude: [...ignored, "**/*.integration.test.ts"],
        },
      },
      {
        resolve,
        test: {
          name: "integration",
          server,
          // tests/deletion: the deletion-completeness tier (real web and worker processes).
          include: ["{apps,packages,bench,tests}/**/*.integration.test.ts"],
          exclude: ignored,
          globalSetup: ["./packages/testing/src/global-setup.ts"],
          // Integration files share one database; run them one file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
