import { createServer, type Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { getConfig } from "@forecourt/config";
import { socketIoKey } from "@forecourt/core/chat/realtime";
import { registerAgentNamespace } from "./agent-namespace";
import { registerVisitorNamespace } from "./visitor-namespace";

export type TGateway = { io: Server; http: HttpServer; port: number; close: () => Promise<void> };

/**
 * One gateway process: Socket.io with the classic Redis adapter (pub/sub), namespaces /agent
 * and /visitor. Any number of these run behind a load balancer; the adapter fans events out
 * between them and the Redis emitter lets web and worker reach their sockets.
 */
export async function startGateway(options: { port?: number } = {}): Promise<TGateway> {
  const config = getConfig();
  const pub = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const sub = pub.duplicate();
  const http = createServer((req, res) => {
    if (req.url === "/health") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      return;
    }
    res.writeHead(404).end();
  });
  const io = new Server(http, {
    adapter: createAdapter(pub, sub, { key: socketIoKey() }),
    // Browsers connect by WebSocket only: no long-polling sessions to keep sticky.
    transports: ["websocket"],
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  });
  const stopAgent = registerAgentNamespace(io);
  registerVisitorNamespace(io);

  const port = await new Promise<number>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? config.GATEWAY_PORT, "0.0.0.0", () => {
      const address = http.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });

  return {
    io,
    http,
    port,
    async close() {
      stopAgent();
      io.disconnectSockets(true);
      // Resolves once the HTTP server has closed (socket.io 4.8 returns a promise).
      await io.close();
      pub.disconnect();
      sub.disconnect();
    },
  };
}
