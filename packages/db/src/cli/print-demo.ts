/** The start command's closing banner: where to sign in, and as whom. */
import { loadConfigOrExit } from "@forecourt/config";
import { DEMO_PASSWORD, DEMO_USERS } from "../seed/demo-data";

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
  "  Press Ctrl-C to stop.",
  "",
];
console.log(lines.join("\n"));
