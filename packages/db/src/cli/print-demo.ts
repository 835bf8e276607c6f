/** The start command's closing banner: where to sign in, and as whom. */
import { loadConfigOrExit } from "@forecourt/config";
import { DEMO_PASSWORD, DEMO_USERS } from "../seed/demo-data";
import { demoApiChannels } from "../seed/seed-api-channels";

const config = loadConfigOrExit();
const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
const lines = [
  "",
  "  Forecourt is running.",
  "",
  `  Sign in at   ${config.WEB_URL}/sign-in`,
  `  Password     ${DEMO_PASSWORD}   (every demo account)`,
  "",
  ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}   ${u.description}`),
  "",
  "  OEM apps (API channel; examples/oem-app, docs/api-channel.md), one inbox per demo dealer:",
  ...demoApiChannels().flatMap((c) => [
    `    ${c.slug.padEnd(12)} inbox ${c.inboxIdentifier}`,
    `    ${"".padEnd(12)} secret ${c.hmacSecret}`,
  ]),
  `    try it:  pnpm --filter @forecourt/example-oem-app start -- --dealer amsterdam`,
  "",
  "  Press Ctrl-C to stop.",
  "",
];
console.log(lines.join("\n"));
