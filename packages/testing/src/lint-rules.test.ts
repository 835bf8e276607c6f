import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it, vi } from "vitest";

// The rules docs/architecture.md ("What lint enforces") promises, checked against the repo's own
// eslint.config.js, so weakening the config fails here. Snippets are linted as if they sat at a
// path in the repo (lintText does not write them).
// Type information is built on the first typed lint: seconds on an idle machine, more on a busy one.
vi.setConfig({ testTimeout: 180_000 });
const root = fileURLToPath(new URL("../../..", import.meta.url));
const typeChecked = ["@typescript-eslint/no-floating-promises", "@typescript-eslint/no-misused-promises"];

// Most cases need no type information; building TypeScript programs for them would only be slow.
const untyped = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: Object.fromEntries([...typeChecked, "@typescript-eslint/await-thenable"].map((r) => [r, "off"])),
  },
});
const typed = new ESLint({ cwd: root });

async function ruleIds(file: string, code: string, eslint = untyped): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId);
}

describe("lint: boundaries", () => {
  it("refuses Next.js and React in packages", async () => {
    expect(
      await ruleIds(
        "packages/core/src/x.ts",
        `import { redirect } from "next/navigation";\nexport const r = redirect;\n`,
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds("packages/protocol/src/x.ts", `import { useState } from "react";\nexport const u = useState;\n`),
    ).toContain("no-restricted-imports");
  });

  it("refuses Prisma and @forecourt/db in app runtime code, and allows them in app tests", async () => {
    const code = `import { appDb } from "@forecourt/db";\nexport const db = appDb;\n`;
    expect(await ruleIds("apps/web/src/server/x.ts", code)).toContain("no-restricted-imports");
    expect(await ruleIds("apps/gateway/src/x.ts", code)).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        "apps/worker/src/x.ts",
        `import { DEMO_WIDGETS } from "@forecourt/db/seed-chat";\nexport const w = DEMO_WIDGETS;\n`,
      ),
    ).toContain("no-restricted-imports");
    expect(
      await ruleIds(
        "apps/widget/src/x.ts",
        `import type { PrismaClient } from "@prisma/client";\nexport type P = PrismaClient;\n`,
      ),
    ).toContain("no-restricted-imports");
    expect(await ruleIds("apps/worker/src/x.integration.test.ts", code)).not.toContain("no-restricted-imports");
  });

  it("lets core and db use Prisma", async () => {
    expect(
      await ruleIds("packages/core/src/x.ts", `import { appDb } from "@forecourt/db";\nexport const db = appDb;\n`),
    ).toEqual([]);
  });
});

describe("lint: import cycles", () => {
  // fixtures.ts imports owner-db.ts; owner-db importing fixtures back closes a cycle.
  it("refuses a value import that closes a cycle", async () => {
    const code = `import { createTestTenant } from "./fixtures";\nexport const f = createTestTenant;\n`;
    expect(await ruleIds("packages/testing/src/owner-db.ts", code)).toContain("import-x/no-cycle");
  });
});

describe("lint: React hooks", () => {
  it("refuses a conditional hook and an effect that does not list what it reads", async () => {
    const conditional = `import { useState } from "react";\nexport function C(p: { a: boolean }) {\n  if (p.a) useState(0);\n  return null;\n}\n`;
    expect(await ruleIds("apps/web/src/components/x.tsx", conditional)).toContain("react-hooks/rules-of-hooks");
    const deps = `import { useEffect } from "react";\nexport function C(p: { a: string }) {\n  useEffect(() => console.log(p.a), []);\n  return null;\n}\n`;
    expect(await ruleIds("apps/web/src/components/x.tsx", deps)).toContain("react-hooks/exhaustive-deps");
  });
});

describe("lint: promises (type-checked)", () => {
  // An existing file's path, so the project service finds its tsconfig; lintText uses our text.
  it("refuses a floating promise and an async callback where a void one is expected", async () => {
    const code = `async function f() {}\nf();\n[1].forEach(async () => {\n  await f();\n});\n`;
    const ids = await ruleIds("packages/contract/src/index.ts", code, typed);
    expect(ids).toContain("@typescript-eslint/no-floating-promises");
    expect(ids).toContain("@typescript-eslint/no-misused-promises");
  });
});
