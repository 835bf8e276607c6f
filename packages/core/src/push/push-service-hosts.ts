import { getConfig } from "@forecourt/config";
import { InvalidInputError } from "../errors";

/** Whether a host matches one of PUSH_SERVICE_HOSTS ("*.example.com" covers its subdomains). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((pattern) =>
    pattern.startsWith("*.") ? h.endsWith(pattern.slice(1)) && h.length > pattern.length - 1 : h === pattern,
  );
}

/**
 * We POST to the URL a browser gave us, so it must be one of the known push services over
 * https (SSRF). Plain http only for 127.0.0.1, which only the test configuration lists.
 */
export function assertPushServiceEndpoint(endpoint: string): void {
  const url = new URL(endpoint);
  const allowed = getConfig().PUSH_SERVICE_HOSTS;
  const loopbackTest = url.protocol === "http:" && url.hostname === "127.0.0.1";
  if ((url.protocol !== "https:" && !loopbackTest) || !hostAllowed(url.hostname, allowed) || url.username)
    throw new InvalidInputError("This browser's push service is not one we send to", [
      { path: "endpoint", message: "not a known push service" },
    ]);
}
