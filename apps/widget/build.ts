/**
 * Builds the widget: dist/widget.js (the loader a dealer embeds; budget < 3 KB gzipped) and
 * dist/app.js (the chat inside the iframe; budget < 40 KB gzipped). Prints both sizes and
 * fails when a budget is exceeded.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const budgets = { "dist/widget.js": 3 * 1024, "dist/app.js": 40 * 1024 };
mkdirSync("dist", { recursive: true });
const common = { bundle: true, minify: true, format: "iife", target: "es2019", legalComments: "none" } as const;
await build({ ...common, entryPoints: ["src/loader.ts"], outfile: "dist/widget.js" });
await build({
  ...common,
  entryPoints: ["src/app.ts"],
  outfile: "dist/app.js",
  define: { "process.env.NODE_ENV": '"production"' },
});

let over = false;
for (const [file, budget] of Object.entries(budgets)) {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`${file}: ${bytes.length} bytes, ${gz} bytes gzipped (budget ${budget})`);
  if (gz > budget) over = true;
}
if (over) {
  console.error("widget: a bundle is over its gzipped size budget");
  process.exit(1);
}
