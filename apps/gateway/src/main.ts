/** The gateway process: Socket.io for the agent inbox and the website widget. */
import { loadConfigOrExit } from "@forecourt/config";
import { startGateway } from "./server";

loadConfigOrExit();
const gateway = await startGateway();
console.log(`[gateway] listening on port ${gateway.port}`);

async function shutdown() {
  await gateway.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
