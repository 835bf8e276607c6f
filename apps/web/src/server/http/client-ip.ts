import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER, clientAddress, type TTrustCheck } from "@forecourt/config/client-address";

/**
 * The client's address as apps/web's own HTTP server (server.ts) found it: the socket's peer,
 * or, through TRUSTED_PROXIES only, the X-Forwarded-For entry the nearest trusted proxy saw.
 * Route handlers cannot see the socket, so the server hands it over in CLIENT_IP_HEADER after
 * deleting whatever a client sent under that name. X-Forwarded-For itself is never read here.
 */
export function clientIpOf(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) || "unknown";
}

/**
 * What server.ts does to every request before Next.js sees it: drop any incoming copy of the
 * internal header (a client must not choose its own address) and set it from the socket.
 */
export function stampClientIp(req: IncomingMessage, trust: TTrustCheck): string {
  delete req.headers[CLIENT_IP_HEADER];
  const ip = clientAddress(
    { remoteAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"] },
    trust,
  );
  req.headers[CLIENT_IP_HEADER] = ip;
  return ip;
}
