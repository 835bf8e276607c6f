// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- http_ece ships no types, and importing a .d.ts would load it at run time
/// <reference path="./types/http_ece.d.ts" />
import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
// http_ece is the RFC 8188 implementation web-push itself encrypts with; here it decrypts.
import ece from "http_ece";

/** One browser as a push service sees it: its subscription and the keys only the browser has. */
export type TPushBrowser = {
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  ecdh: ECDH;
  auth: Buffer;
};

/** One push the stand-in accepted: decrypted, with the VAPID claims it checked. */
export type TReceivedPush = {
  endpointId: string;
  payload: unknown;
  ttl: string | undefined;
  urgency: string | undefined;
  topic: string | undefined;
  vapid: { aud: string; sub: string; exp: number; key: string };
};

export type TPushService = {
  /** A new browser subscribed at this service (keys as a browser makes them). */
  browser: () => TPushBrowser;
  received: TReceivedPush[];
  /** Pushes refused (bad VAPID signature, wrong audience, undecryptable body). */
  refused: string[];
  /** Endpoints that answer 410 Gone from now on (the browser unsubscribed). */
  gone: Set<string>;
  waitFor: (count: number, timeoutMs?: number) => Promise<TReceivedPush[]>;
  close: () => Promise<void>;
};

function verifyVapid(header: string | undefined, origin: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!match) throw new Error("no vapid authorization");
  const [, jwt, k] = match as unknown as [string, string, string];
  const [h, p, s] = jwt.split(".");
  if (!h || !p || !s) throw new Error("malformed jwt");
  const raw = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: raw.subarray(1, 33).toString("base64url"),
      y: raw.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(s, "base64url"),
  );
  if (!ok) throw new Error("bad vapid signature");
  const claims = JSON.parse(Buffer.from(p, "base64url").toString("utf8")) as { aud: string; sub: string; exp: number };
  if (claims.aud !== origin) throw new Error(`vapid audience ${claims.aud} is not ${origin}`);
  if (claims.exp * 1000 < Date.now()) throw new Error("vapid token expired");
  return { ...claims, key: k };
}

/**
 * A Web Push service stand-in on 127.0.0.1 (what FCM or Mozilla's autopush do for a browser):
 * checks the VAPID signature (RFC 8292), decrypts the aes128gcm body (RFC 8291) with the
 * browser's private key, records it, and answers 201, or 410 for an endpoint marked gone.
 */
export async function startPushService(): Promise<TPushService> {
  const received: TReceivedPush[] = [];
  const refused: string[] = [];
  const gone = new Set<string>();
  const browsers = new Map<string, TPushBrowser>();
  let origin = "";
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const endpointId = new URL(req.url ?? "/", origin).pathname.replace(/^\/push\//, "");
      const browser = browsers.get(endpointId);
      if (!browser || req.method !== "POST") return void res.writeHead(404).end();
      if (gone.has(endpointId)) return void res.writeHead(410).end();
      try {
        const vapid = verifyVapid(req.headers.authorization, origin);
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        const plain = ece.decrypt(Buffer.concat(chunks), {
          version: "aes128gcm",
          privateKey: browser.ecdh,
          authSecret: browser.auth.toString("base64url"),
        });
        received.push({
          endpointId,
          payload: JSON.parse(plain.toString("utf8")),
          ttl: req.headers.ttl as string | undefined,
          urgency: req.headers.urgency as string | undefined,
          topic: req.headers.topic as string | undefined,
          vapid,
        });
        res.writeHead(201).end();
      } catch (error) {
        refused.push(String(error));
        res.writeHead(403).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    browser() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomBytes(8).toString("hex");
      const b: TPushBrowser = {
        subscription: {
          endpoint: `${origin}/push/${id}`,
          keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
        },
        ecdh,
        auth,
      };
      browsers.set(id, b);
      return b;
    },
    received,
    refused,
    gone,
    async waitFor(count, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
