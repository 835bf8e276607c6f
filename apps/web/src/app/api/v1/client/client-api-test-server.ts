import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sendWebResponse, toWebRequest } from "@/server/http/node-bridge";
import * as contacts from "./inboxes/[inboxIdentifier]/contacts/route";
import * as conversations from "./inboxes/[inboxIdentifier]/conversations/route";
import * as attachments from "./inboxes/[inboxIdentifier]/conversations/[conversationId]/attachments/route";
import * as messages from "./inboxes/[inboxIdentifier]/conversations/[conversationId]/messages/route";

/*
 * For tests only: the Client API's route modules behind node:http, as Next.js serves them
 * (real HTTP for the SDK; the body streams into the Request; the client address is stamped from
 * the socket like apps/web/server.ts does). Listens on port 0.
 */

type TRoute = Record<string, unknown>;
const ROUTES: [RegExp, TRoute][] = [
  [/^\/api\/v1\/client\/inboxes\/([^/]+)\/contacts$/, contacts],
  [/^\/api\/v1\/client\/inboxes\/([^/]+)\/conversations$/, conversations],
  [/^\/api\/v1\/client\/inboxes\/([^/]+)\/conversations\/([^/]+)\/messages$/, messages],
  [/^\/api\/v1\/client\/inboxes\/([^/]+)\/conversations\/([^/]+)\/attachments$/, attachments],
];

export type TClientApiServer = { baseUrl: string; close: () => Promise<void>; requests: number };

export async function startClientApiServer(): Promise<TClientApiServer> {
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = ROUTES.map(([re, mod]) => [re.exec(url.pathname), mod] as const).find(([m]) => m);
    const handler = match?.[1][req.method ?? "GET"] as
      | ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response)
      | undefined;
    if (!match || !handler) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"code":"not_found","error":"Not found"}');
      return;
    }
    const [groups] = match;
    const params = { inboxIdentifier: decodeURIComponent(groups![1]!), conversationId: groups![2] ?? "" };
    const request = toWebRequest(req, url);
    sendWebResponse(res, Promise.resolve(handler(request, { params: Promise.resolve(params) })));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
