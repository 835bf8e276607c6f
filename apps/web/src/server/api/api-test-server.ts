import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sendWebResponse, toWebRequest } from "../http/node-bridge";
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
    sendWebResponse(res, found.r.route(toWebRequest(req, url), { params: Promise.resolve(params) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
