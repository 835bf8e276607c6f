import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";

/**
 * Every message must be used by the app (messages.test.ts checks the four locales have the same
 * keys, so an unused English key is unused everywhere). next-intl's keys are strings, often built
 * at run time, so "used" is read off the source generously; a key that passes none of these
 * tests is dead text that translators would keep paying for:
 * - a call on a translator bound to a namespace, `t("key")`, `t.rich("key")`, `t.has("key")`;
 * - a call with a variable, `t(stage)`: every key of that namespace;
 * - a template literal, `t(\`errors.${code}\`)` or `\`scopeHelp.${scope}\``: every key under it;
 * - the key's tail as a string literal anywhere (tables of keys such as the navigation's).
 */
const SOURCE = path.resolve(import.meta.dirname, "..");

function leaves(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function usage() {
  const exact = new Set<string>();
  const subtrees = new Set<string>();
  const templateHeads = new Set<string>();
  const literals = new Set<string>();
  for (const file of sourceFiles(SOURCE)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/["'`]([\w.-]+)["'`]/g)) literals.add(m[1]!);
    for (const m of text.matchAll(/`([\w.]+\.)\$\{/g)) templateHeads.add(m[1]!);
    const bindings = text.matchAll(
      /(?:const|let)\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|\{[^}]*namespace:\s*"([^"]*)"[^}]*\})?\s*\)/g,
    );
    for (const b of bindings) {
      const [, name, ns1, ns2] = b;
      const ns = ns1 ?? ns2 ?? "";
      const prefix = ns ? `${ns}.` : "";
      const calls = new RegExp(
        `\\b${name}(?:\\.(?:rich|markup|has|raw))?\\(\\s*(?:"([^"]+)"|'([^']+)'|\`([^\`]*)\`|([A-Za-z_]\\w*)\\s*[,)])`,
        "g",
      );
      for (const c of text.matchAll(calls)) {
        const [, dq, sq, template, variable] = c;
        if (dq ?? sq) exact.add(prefix + (dq ?? sq));
        else if (template !== undefined) subtrees.add(prefix + template.split("${")[0]);
        else if (variable && ns) subtrees.add(prefix);
      }
    }
  }
  return { exact, subtrees, templateHeads, literals };
}

describe("messages", () => {
  it("has no key the app never uses", () => {
    const { exact, subtrees, templateHeads, literals } = usage();
    const used = (key: string) => {
      if (exact.has(key) || [...exact].some((u) => key.startsWith(`${u}.`))) return true;
      if ([...subtrees].some((s) => key.startsWith(s))) return true;
      const parts = key.split(".");
      for (let i = 0; i < parts.length; i++) {
        const tail = parts.slice(i).join(".");
        if (i > 0 && literals.has(tail)) return true;
        if ([...templateHeads].some((h) => tail.startsWith(h))) return true;
      }
      return false;
    };
    expect(leaves(en).filter((key) => !used(key))).toEqual([]);
  });
});
