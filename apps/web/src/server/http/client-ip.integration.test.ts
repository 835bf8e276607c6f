import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, compileTrustedProxies } from "@forecourt/config/client-address";
import { stampClientIp } from "./client-ip";

/** One request to a real Node HTTP server that stamps the address as server.ts does; returns what a handler sees. */
async function seenBy(trusted: string[], headers: Record<string, string>): Promise<string> {
  const trust = compileTrustedProxies(trusted);
  const server: Server = createServer((req, res) => {
    stampClientIp(req, trust);
    res.end(String(req.headers[CLIENT_IP_HEADER]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ port, host: "127.0.0.1", headers }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(body));
      });
      req.on("error", reject);
      req.end();
    });
  } finally {
    server.close();
  }
}

describe("finding 2: apps/web's server stamps the client address from the socket", () => {
  it("the web server discards a forged x-forecourt-client-ip and stamps the socket peer", async () => {
    expect(await seenBy([], { [CLIENT_IP_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" })).toBe("127.0.0.1");
  });

  it("believes X-Forwarded-For only when the peer is a trusted proxy", async () => {
    expect(await seenBy(["loopback"], { "x-forwarded-for": "6.6.6.6, 198.51.100.7" })).toBe("198.51.100.7");
    expect(await seenBy(["10.0.0.0/8"], { "x-forwarded-for": "198.51.100.7" })).toBe("127.0.0.1");
  });
});
