/**
 * An address as a person reads it: an IPv4 client seen through an IPv6 socket arrives as
 * "::ffff:127.0.0.1"; it is shown as "127.0.0.1". Anything else is shown as stored.
 */
export function displayIp(ip: string | null | undefined): string {
  if (!ip) return "—";
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}
