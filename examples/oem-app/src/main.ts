/**
 * A terminal chat with a dealer through Forecourt's API channel, the way an OEM's app would
 * build it with @forecourt/sdk: identify the signed-in user, show the conversation, send what
 * you type (`/file <path>` sends a picture or PDF), print the dealer's replies as they come.
 *
 *   pnpm --filter @forecourt/example-oem-app start -- --dealer amsterdam [--user alex@example.com]
 *   pnpm --filter @forecourt/example-oem-app start -- --base-url … --inbox in_… --secret … --user …
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createMessagingClient, type TMessageEvent } from "@forecourt/sdk";
import { identifierHash } from "./backend";
import { demoInbox } from "./demo";

const { values } = parseArgs({
  // `pnpm … start -- --dealer x` passes the "--" through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    dealer: { type: "string" },
    "base-url": { type: "string" },
    inbox: { type: "string" },
    secret: { type: "string" },
    user: { type: "string", default: "demo-driver-1" },
    name: { type: "string", default: "Alex Driver" },
  },
});

const demo = values.dealer ? demoInbox(values.dealer) : null;
const baseUrl = values["base-url"] ?? demo?.baseUrl;
const inboxIdentifier = values.inbox ?? demo?.inboxIdentifier;
const secret = values.secret ?? demo?.hmacSecret;
if (!baseUrl || !inboxIdentifier || !secret) {
  console.error("Give --dealer amsterdam|copenhagen|utrecht (the demo), or --base-url, --inbox and --secret.");
  process.exit(2);
}

const MIME: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".pdf": "application/pdf",
};

const client = createMessagingClient({
  baseUrl,
  inboxIdentifier,
  identifier: values.user!,
  identifierHash: identifierHash(secret, values.user!),
  name: values.name,
});

function show(m: TMessageEvent) {
  const who = m.authorType === "CONTACT" ? "you" : (m.author?.name ?? "dealer");
  const files = m.attachments.map((a) => ` [file: ${a.fileName}]`).join("");
  console.log(`\r#${m.seq} ${who}: ${m.body}${files}`);
}

client.on("message", show);
client.on("typing", (e) => e.typing && console.log(`\r${e.name ?? "The dealer"} is typing…`));
client.on("disconnected", (reason) => console.log(`\r(offline: ${reason}; reconnecting)`));
client.on("error", (e) => console.error(`\r(error: ${e.message})`));

await client.connect();
console.log(
  `Connected as ${values.user} (conversation ${client.conversationId}). Type a message; /file <path> sends a file; /quit leaves.`,
);

const rl = createInterface({ input: process.stdin, output: process.stdout });
for await (const line of rl) {
  const text = line.trim();
  if (!text) continue;
  if (text === "/quit") break;
  try {
    if (text.startsWith("/file ")) {
      const path = text.slice(6).trim();
      const ext = path.slice(path.lastIndexOf(".")).toLowerCase();
      const file = new Blob([await readFile(path)], { type: MIME[ext] ?? "application/octet-stream" });
      await client.sendFile({ file, fileName: basename(path) });
    } else {
      await client.send({ text });
    }
  } catch (error) {
    console.error(`(not sent: ${error instanceof Error ? error.message : String(error)})`);
  }
}
rl.close();
await client.close();
