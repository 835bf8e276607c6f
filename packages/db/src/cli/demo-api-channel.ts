/** One demo dealer's API inbox as JSON (examples/oem-app reads it): `tsx src/cli/demo-api-channel.ts amsterdam`. */
import { loadConfigOrExit } from "@forecourt/config";
import { demoApiChannels } from "../seed/seed-api-channels";

const config = loadConfigOrExit();
const slug = process.argv[2] ?? "amsterdam";
const channel = demoApiChannels().find((c) => c.slug === slug);
if (!channel) {
  console.error(
    `No demo dealer "${slug}": ${demoApiChannels()
      .map((c) => c.slug)
      .join(", ")}`,
  );
  process.exit(2);
}
console.log(
  JSON.stringify({ baseUrl: config.WEB_URL, inboxIdentifier: channel.inboxIdentifier, hmacSecret: channel.hmacSecret }),
);
