import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CLIENT_IP_HEADER } from "@forecourt/config/client-address";
import { apiRoute } from "./api-route";
import { API_ENDPOINTS } from "./endpoints";

/*
 * For tests only: every /api/v1 endpoint behind node:http, through the same `apiRoute` the
 * Next.js route files export (real HTTP for the SDK's tests: the body streams into the Request,
 * the client address is stamped from the socket as apps/web/server.ts does). Listens on port 0.
 */

const ROUTES = API_ENDPOINTS.map((endpoint) => {
  const names: string[] = [];
  const pattern = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { endpoint, names, re: new RegExp(`^/api/v1${pattern}$`), route: apiRoute(endpoint) };
});

export type TApiTestServer = { baseUrl: string; close: () => Promise<void> };

export async function startApiTestServer(): Promise<TApiTestServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const found = ROUTES.map((r) => ({ r, m: r.re.exec(url.pathname) })).find(
      ({ r, m }) => m && r.endpoint.method === req.method,
    );
    if (!found?.m) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"code":"not_found","error":"Not found"}');
      return;
    }
    const params = Object.fromEntries(found.r.names.map((n, i) => [n, decodeURIComponent(found.m![i + 1]!)]));
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? "127.0.0.1");
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = hasBody
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
            req.on("end", () => controller.close());
            req.on("error", (e) => controller.error(e));
          },
        })
      : undefined;
    const request = new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit);
    found.r
      .route(request, { params: Promise.resolve(params) })
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
