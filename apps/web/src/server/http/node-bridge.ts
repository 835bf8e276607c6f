import type { IncomingMessage, ServerResponse } from "node:http";
import { CLIENT_IP_HEADER } from "@forecourt/config/client-address";

/*
 * For test servers only: a node:http request as the Request a Next.js route handler gets (the
 * body streams in; the client address is stamped from the socket, as apps/web/server.ts does),
 * and a route's Response written back.
 */
export function toWebRequest(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  headers.set(CLIENT_IP_HEADER, req.socket.remoteAddress ?? "127.0.0.1");
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          req.on("data", (chunk: Buffer) => controller.enqueue(new Uint8Array(chunk)));
          req.on("end", () => controller.close());
          req.on("error", (e) => controller.error(e));
        },
      })
    : undefined;
  return new Request(url, { method: req.method, headers, body, duplex: "half" } as RequestInit);
}

export function sendWebResponse(res: ServerResponse, answer: Promise<Response>): void {
  answer
    .then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })
    .catch((error: unknown) => res.writeHead(500).end(String(error)));
}
