import { readFile } from "node:fs/promises";
import path from "node:path";
import { findRepoRoot } from "@forecourt/config";

/** The built widget bundles (apps/widget/dist, written by `pnpm build`). */
export async function widgetAsset(name: "widget.js" | "app.js"): Promise<Response> {
  try {
    const body = await readFile(path.join(findRepoRoot(), "apps", "widget", "dist", name));
    return new Response(body, {
      headers: {
        "content-type": "application/javascript; charset=utf-8",
        "cache-control": "public, max-age=300",
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
      },
    });
  } catch {
    return new Response("// widget not built: run pnpm build", { status: 503 });
  }
}
