import { clientIpOf } from "./http/client-ip";

/**
 * The client's address (server.ts sets it from the socket; X-Forwarded-For only through
 * TRUSTED_PROXIES). Kept under this name for the existing callers.
 */
export function clientIp(headers: Headers): string {
  return clientIpOf(headers);
}
