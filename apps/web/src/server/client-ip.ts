/**
 * The client's address as the nearest proxy saw it. Behind a load balancer, set it to
 * overwrite x-forwarded-for (docs/operations.md), or a client could pick its own limit key.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
