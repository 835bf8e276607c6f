// ESLint flat config for the whole monorepo. docs/architecture.md ("What lint enforces") says
// why each rule below is here.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const envMessage = "Read configuration through @forecourt/config (getConfig).";

// DESIGN.md: only packages/core and packages/db touch Prisma.
const prismaImports = {
  group: ["@forecourt/db", "@forecourt/db/*", "@prisma/*", "prisma", "**/generated/prisma/**"],
  message: "Only packages/core and packages/db touch Prisma: call a use case in @forecourt/core instead.",
};
// DESIGN.md: core never imports Next.js; no package imports Next.js or React.
const frameworkImports = {
  group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"],
  message: "Packages never import Next.js or React: keep that in apps/web.",
};
const testFiles = ["**/*.test.ts", "**/*.test.tsx", "**/e2e/**"];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.turbo/**",
      "packages/db/src/generated/**",
      "**/next-env.d.ts",
      "**/test-results/**",
      "**/playwright-report/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // DESIGN.md: process.env is read only in packages/config.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: envMessage }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: envMessage },
      ],
    },
  },
  {
    files: ["packages/config/**"],
    rules: { "no-restricted-properties": "off", "no-restricted-syntax": "off" },
  },

  // Promises: a forgotten await loses errors (an unhandled rejection kills a Node process) and
  // ordering. These rules need type information; projectService finds each file's tsconfig.
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },

  // Import cycles: a cycle makes module initialisation order-dependent and blocks splitting.
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [
        createTypeScriptImportResolver({
          project: ["apps/*/tsconfig.json", "packages/*/tsconfig.json", "bench/tsconfig.json"],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },

  // React: the rules of hooks, and effects/memos that list what they read.
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // Boundaries (DESIGN.md "Dependencies point one way").
  {
    files: ["packages/**/*.{ts,tsx}"],
    ignores: ["packages/core/**", "packages/db/**", "packages/testing/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkImports, prismaImports] }] },
  },
  {
    files: ["packages/{core,db,testing}/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [frameworkImports] }] },
  },
  {
    files: ["apps/{web,gateway,worker,widget}/src/**/*.{ts,tsx}"],
    ignores: testFiles,
    rules: { "no-restricted-imports": ["error", { patterns: [prismaImports] }] },
  },
);
