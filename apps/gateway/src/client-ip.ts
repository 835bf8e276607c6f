import type { Socket } from "socket.io";
import { getConfig } from "@forecourt/config";
import { clientAddress, compileTrustedProxies, type TTrustCheck } from "@forecourt/config/client-address";

let trust: TTrustCheck | undefined;

/**
 * A socket's client address, by the same rule as apps/web's server: the TCP peer, and
 * X-Forwarded-For only through TRUSTED_PROXIES (so per-IP chat limits cannot be dodged by
 * sending the header). Used by both namespaces.
 */
export function clientIpOfSocket(socket: Socket): string {
  trust ??= compileTrustedProxies(getConfig().TRUSTED_PROXIES);
  return clientAddress(
    { remoteAddress: socket.handshake.address, forwardedFor: socket.handshake.headers["x-forwarded-for"] },
    trust,
  );
}
