import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type TReceivedWebhook = { raw: Buffer; headers: Record<string, string | string[] | undefined>; json: unknown };

/**
 * A stand-in for our webhook route in the stand-in's own tests: records what Meta (the stand-in)
 * posts and answers `status`. Also serves files at /files/<name> (our signed attachment links).
 */
export async function startWebhookSink() {
  const received: TReceivedWebhook[] = [];
  const files = new Map<string, { bytes: Buffer; type: string }>();
  const waiters: (() => void)[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    const file = req.url?.startsWith("/files/") ? files.get(req.url.slice("/files/".length)) : undefined;
    if (req.method === "GET") {
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length }).end(file.bytes);
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      let json: unknown = null;
      try {
        json = JSON.parse(raw.toString("utf8"));
      } catch {
        json = null;
      }
      received.push({ raw, headers: req.headers, json });
      for (const wake of waiters.splice(0)) wake();
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${url}/api/hooks/meta`,
    base: url,
    received,
    answer(next: number) {
      status = next;
    },
    serveFile(name: string, bytes: Uint8Array, type: string) {
      files.set(name, { bytes: Buffer.from(bytes), type });
      return `${url}/files/${name}`;
    },
    /** Resolves once `count` webhooks have arrived in total. */
    async waitFor(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`webhook sink: ${received.length} of ${count} webhooks arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
