/**
 * apps/web's production server: Node's HTTP server in front of Next.js, so that the client's
 * address comes from the socket (route handlers cannot see it). Every request first gets
 * x-forecourt-client-ip stamped from the socket peer, or through TRUSTED_PROXIES only from
 * X-Forwarded-For (src/server/http/client-ip.ts); a copy sent by a client is discarded.
 * Replaces `next start` (package.json "start", scripts/start.sh, playwright.config.ts).
 */
import { createServer } from "node:http";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { loadConfigOrExit } from "@forecourt/config";
import { compileTrustedProxies } from "@forecourt/config/client-address";
import { stampClientIp } from "./src/server/http/client-ip";

const config = loadConfigOrExit();
const trust = compileTrustedProxies(config.TRUSTED_PROXIES);
const port = config.WEB_PORT;

const app = next({ dev: false, dir: dirname(fileURLToPath(import.meta.url)), port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  stampClientIp(req, trust);
  void handle(req, res);
});
server.listen(port, () => console.log(`[web] listening on port ${port}`));

function shutdown() {
  setTimeout(() => process.exit(0), 3000).unref();
  server.close(() => process.exit(0));
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
