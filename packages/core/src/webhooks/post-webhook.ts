import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "./ip-policy";

/** The answer of one attempt: a response (any status), a refused target, or a transport failure. */
export type TPostOutcome =
  | { kind: "response"; status: number; excerpt: string; durationMs: number }
  | { kind: "refused"; reason: string; durationMs: number }
  | { kind: "error"; reason: string; durationMs: number };

export type TPostOptions = {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivateTargets: boolean;
  /** Reading stops (and the connection is dropped) after this many bytes of the answer. */
  maxResponseBytes?: number;
};

const EXCERPT_CHARS = 300;

/** Why a URL may not be a webhook target before any DNS (scheme, credentials, literal private address). */
export function targetProblem(raw: string, allowPrivateTargets: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "only http(s) URLs";
  if (url.username || url.password) return "the URL must not contain credentials";
  const host = bareHost(url);
  if (!allowPrivateTargets && isIP(host) && !isPublicAddress(host))
    return "private, loopback and link-local addresses are not allowed";
  return null;
}

const bareHost = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();

/**
 * POSTs one webhook (SSRF-safe): resolves the host now, refuses it when any address it resolves
 * to is private (unless allowed), then connects to exactly the checked address (a custom
 * `lookup`), so a second resolution cannot swap it (DNS rebinding). No redirects are followed
 * (Node's http does not), the whole attempt is bounded by `timeoutMs`, and at most
 * `maxResponseBytes` of the answer are read.
 */
export async function postWebhook(options: TPostOptions): Promise<TPostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const problem = targetProblem(options.url, options.allowPrivateTargets);
  if (problem) return { kind: "refused", reason: problem, durationMs: 0 };
  const url = new URL(options.url);
  const host = bareHost(url);
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await dnsLookup(host, { all: true, verbatim: true });
  } catch (error) {
    return {
      kind: "error",
      reason: `DNS: ${(error as NodeJS.ErrnoException).code ?? "lookup failed"}`,
      durationMs: elapsed(),
    };
  }
  if (addresses.length === 0) return { kind: "error", reason: "DNS: no address", durationMs: elapsed() };
  if (!options.allowPrivateTargets && addresses.some((a) => !isPublicAddress(a.address)))
    return { kind: "refused", reason: `${host} resolves to a private or reserved address`, durationMs: elapsed() };
  const target = addresses[0]!;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  return new Promise<TPostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: TPostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const body = Buffer.from(options.body, "utf8");
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: { ...options.headers, "content-length": String(body.length) },
      },
      (response) => {
        const cap = options.maxResponseBytes ?? 64 * 1024;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish({
            kind: "response",
            status: response.statusCode ?? 0,
            excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS),
            durationMs: elapsed(),
          });
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= cap) chunks.push(chunk);
          else {
            done();
            response.destroy();
          }
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: "error", reason: `timed out after ${options.timeoutMs} ms`, durationMs: elapsed() });
      request.destroy();
    }, options.timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({ kind: "error", reason: error.code ?? error.message, durationMs: elapsed() }),
    );
    request.end(body);
  });
}
