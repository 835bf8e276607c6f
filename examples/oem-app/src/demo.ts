import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export type TDemoInbox = { baseUrl: string; inboxIdentifier: string; hmacSecret: string };

/**
 * The start command's demo inbox of one dealer (the same values it prints), read from the repo's
 * own seed so the sample runs without copying anything. Outside this repo, pass --base-url,
 * --inbox and --secret instead.
 */
export function demoInbox(dealer: string): TDemoInbox {
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const out = execFileSync(
    "pnpm",
    ["--silent", "--filter", "@forecourt/db", "exec", "tsx", "src/cli/demo-api-channel.ts", dealer],
    {
      cwd: root,
      encoding: "utf8",
    },
  );
  return JSON.parse(out) as TDemoInbox;
}
