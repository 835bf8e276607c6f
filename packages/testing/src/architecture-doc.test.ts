import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRepoRoot } from "@forecourt/config";

/*
 * docs/architecture.md's package table must match the workspace: one row per package folder
 * (apps/*, packages/*, tests/*, examples/*, bench), and its "internal dependencies" cell must name
 * exactly the @forecourt/* packages in that package.json's `dependencies` (short names).
 */

const root = findRepoRoot();

function workspacePackages(): Map<string, string[]> {
  const dirs = ["bench"];
  for (const group of ["apps", "packages", "tests", "examples"]) {
    const base = path.join(root, group);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) dirs.push(`${group}/${name}`);
  }
  const result = new Map<string, string[]>();
  for (const dir of dirs) {
    const file = path.join(root, dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { dependencies?: Record<string, string> };
    result.set(
      dir,
      Object.keys(pkg.dependencies ?? {})
        .filter((name) => name.startsWith("@forecourt/"))
        .map((name) => name.slice("@forecourt/".length))
        .sort(),
    );
  }
  return result;
}

function documentedPackages(): Map<string, string[]> {
  const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
  const result = new Map<string, string[]>();
  for (const line of doc.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const dir = /^`([a-z-]+(?:\/[a-z-]+)?)`$/.exec(cells[1] ?? "")?.[1];
    if (!dir || cells.length < 5) continue;
    const deps =
      cells[3] === "none"
        ? []
        : cells[3]!
            .split(",")
            .map((d) => d.trim())
            .filter(Boolean);
    result.set(dir, deps.sort());
  }
  return result;
}

describe("docs/architecture.md", () => {
  it("lists every workspace package, and only those, with its internal dependencies", () => {
    const actual = workspacePackages();
    const documented = documentedPackages();
    expect([...documented.keys()].sort()).toEqual([...actual.keys()].sort());
    for (const [dir, deps] of actual) expect(documented.get(dir), dir).toEqual(deps);
  });
});
