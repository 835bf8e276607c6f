import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { getConfig } from "@forecourt/config";
import { root, startProcess, type TProcess } from "./channels/common";

/** The newest modification time of the .ts/.tsx files under these folders (the web build bundles them). */
function newestSource(folders: string[]): number {
  let newest = 0;
  for (const folder of folders)
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true }))
      if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes("generated"))
        newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/**
 * Starts ONE production web process (apps/web/server.ts, NODE_ENV=production, the build in
 * apps/web/.next) on the slot's WEB_PORT, as Playwright and production start it. Refuses to run
 * without a build or with the port taken; warns when the sources are newer than the build.
 */
export async function startWeb(env: Record<string, string> = {}): Promise<TProcess> {
  const config = getConfig();
  const buildId = path.join(root, "apps/web/.next/BUILD_ID");
  if (!existsSync(buildId)) {
    console.error(
      "[bench] apps/web/.next is missing: the bench runs the production web server, build it first:\n" +
        "        pnpm build   (from the repository root, with the same environment)",
    );
    process.exit(2);
  }
  const stale = newestSource(["apps/web/src", "packages/core/src", "packages/channels/src", "packages/db/src"]);
  if (stale > statSync(buildId).mtimeMs)
    console.error("[bench] warning: sources changed after the last `pnpm build`; the web process runs the old build");
  const url = `http://127.0.0.1:${config.WEB_PORT}`;
  const already = await fetch(`${url}/api/health`).then(
    () => true,
    () => false,
  );
  if (already) {
    console.error(`[bench] something already listens on WEB_PORT ${config.WEB_PORT}; stop it or pass --web ${url}`);
    process.exit(2);
  }
  console.error(`[bench] starting the web process (NODE_ENV=production) on port ${config.WEB_PORT}…`);
  return startProcess({
    name: "web",
    cwd: path.join(root, "apps/web"),
    script: "server.ts",
    env: { NODE_ENV: "production", ...env },
    ready: /listening on port/,
  });
}
