import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got: the raw body (signatures are over it) and the headers. */
export type TReceivedWebhook = {
  path: string;
  body: string;
  headers: Record<string, string>;
  status: number;
  at: number;
};

export type TWebhookReceiver = {
  url: (path?: string) => string;
  received: TReceivedWebhook[];
  /** The answers for a path, in order (the last one repeats); default 200. */
  script: (path: string, statuses: number[]) => void;
  /** Decides every answer when set (the bench's injected failures); overrides the scripts. */
  respond: ((hit: Omit<TReceivedWebhook, "status" | "at">) => number) | null;
  waitFor: (predicate: (all: TReceivedWebhook[]) => boolean, timeoutMs?: number) => Promise<TReceivedWebhook[]>;
  reset: () => void;
  close: () => Promise<void>;
};

/**
 * A local webhook receiver (tests, e2e, bench): an HTTP server on 127.0.0.1 that records every
 * POST and answers with a scripted status per path, as a customer's endpoint would.
 */
export async function startWebhookReceiver(options: { port?: number } = {}): Promise<TWebhookReceiver> {
  const received: TReceivedWebhook[] = [];
  const scripts = new Map<string, number[]>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://receiver").pathname;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const body = Buffer.concat(chunks).toString("utf8");
      const queue = scripts.get(path);
      const status = receiver.respond
        ? receiver.respond({ path, body, headers })
        : queue && queue.length > 1
          ? queue.shift()!
          : (queue?.[0] ?? 200);
      received.push({ path, body, headers, status, at: Date.now() });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const receiver: TWebhookReceiver = {
    respond: null,
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    script: (path, statuses) => void scripts.set(path, [...statuses]),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) throw new Error(`webhook receiver: timed out; got ${received.length} request(s)`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    reset: () => {
      received.length = 0;
      scripts.clear();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return receiver;
}
