/** The gateway process: Socket.io for the agent inbox and the website widget. */
import { loadConfigOrExit } from "@forecourt/config";
import { startGateway } from "./server";

loadConfigOrExit();
const gateway = await startGateway();
console.log(`[gateway] listening on port ${gateway.port}`);

async function shutdown() {
  // Never hang on a slow close: sockets reconnect to another gateway and catch up by seq.
  setTimeout(() => process.exit(0), 3000).unref();
  await gateway.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    shutdown().catch((error: unknown) => {
      console.error("[gateway] shutdown failed", error);
      process.exit(1);
    });
  });
}
