/**
 * The dashboard's Content-Security-Policy (set per request by src/proxy.ts). Scripts run only
 * with this response's nonce ('strict-dynamic' lets Next.js's nonced loader add its chunks);
 * no plugins, no <base>, no framing; connections only to the app and the live-chat gateway.
 * Styles allow inline attributes (React style props); styles cannot run code.
 */
export function dashboardCsp(options: { nonce: string; gatewayUrl: string; dev?: boolean }): string {
  const gateway = new URL(options.gatewayUrl);
  const ws = `${gateway.protocol === "https:" ? "wss:" : "ws:"}//${gateway.host}`;
  return [
    "default-src 'self'",
    // Next.js's dev server (React Refresh) needs eval; production never gets it.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    // The service worker (public/sw.js): 'strict-dynamic' above would ignore 'self' for it.
    "worker-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self' ${gateway.origin} ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
