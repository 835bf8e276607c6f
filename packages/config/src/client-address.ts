import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

/**
 * The one header that carries the client's address from apps/web's own HTTP server to its
 * route handlers (which cannot see the socket). The server deletes any copy a client sends
 * and sets it from the socket, so handlers may trust it; nothing else may set it.
 */
export const CLIENT_IP_HEADER = "x-forecourt-client-ip";

export type TTrustCheck = (address: string, hop: number) => boolean;

/**
 * Compiles TRUSTED_PROXIES (IPs / CIDRs; proxy-addr also knows "loopback", "linklocal",
 * "uniquelocal"). An empty list trusts no proxy: X-Forwarded-For is then ignored entirely.
 * Throws on an address it cannot parse.
 */
export function compileTrustedProxies(list: readonly string[]): TTrustCheck {
  return proxyAddr.compile([...list]);
}

/** Whether every entry is something compileTrustedProxies accepts (for the env schema). */
export function validTrustedProxies(list: readonly string[]): boolean {
  try {
    compileTrustedProxies(list);
    return true;
  } catch {
    return false;
  }
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case
 * X-Forwarded-For is walked from the right, through trusted proxies only, to the first address
 * that is not one (proxy-addr). A client that sends its own X-Forwarded-For straight to us
 * therefore changes nothing. Shared by apps/web (server.ts) and apps/gateway.
 */
export function clientAddress(
  peer: { remoteAddress: string | undefined; forwardedFor: string | string[] | undefined },
  trust: TTrustCheck,
): string {
  if (!peer.remoteAddress) return "unknown";
  const forwardedFor = Array.isArray(peer.forwardedFor) ? peer.forwardedFor.join(",") : peer.forwardedFor;
  // proxy-addr reads only these two fields of the request.
  const req = {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    socket: { remoteAddress: peer.remoteAddress },
    connection: { remoteAddress: peer.remoteAddress },
  } as unknown as IncomingMessage;
  return normaliseAddress(proxyAddr(req, trust));
}

/** "::ffff:203.0.113.7" (an IPv4 client on a dual-stack socket) → "203.0.113.7", so one client has one key. */
function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}
