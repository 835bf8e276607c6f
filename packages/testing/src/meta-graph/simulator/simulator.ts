import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TGraphContext } from "../context";
import { baseMime, isRecord, parseForm, parseJson, readBody, sendJson } from "../http-util";
import { newMid, newWamid } from "../ids";
import { postMessengerInbound, postWhatsAppBatch, type TWhatsAppInboundSpec } from "../inbound";
import { webmOpusToOgg } from "../ogg-opus";
import { postMessengerReceipt, postWhatsAppStatuses } from "../statuses";
import type { TStoredMedia } from "../types";
import { PLUGIN_NAME, type TSimulatorPlugin } from "./plugin";
import { bsuidFor, psidFor, SimThreads, type TSimMessage, type TSimThread } from "./threads";

/*
 * The channel simulator (demo mode): a page at `/` with a phone-like WhatsApp chat and a
 * Messenger chat per seeded dealer. The customer's messages go to us as signed webhooks, the
 * agent's replies show up from the outbound log with their ticks, and the page reports reading
 * (and playing voice notes) back as `read` / `played` statuses. Server-sent events keep it live.
 */

const page = (name: string) => readFileSync(new URL(`./page/${name}`, import.meta.url));

const ASSETS: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/__sim/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/__sim/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

/** The page's own strict policy: nothing inline, nothing from elsewhere. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#111827"/><path d="M11 9h11v3h-7.5v3.5H21v3h-6.5V23H11z" fill="#fff"/></svg>';

export type TSimulator = {
  threads: SimThreads;
  plugins: readonly TSimulatorPlugin[];
  close(): void;
  reset(): void;
};

type TSimContext = TSimulator & { ctx: TGraphContext; clients: Set<ServerResponse> };

export function createSimulator(ctx: TGraphContext, plugins: readonly TSimulatorPlugin[] = []): TSimulator {
  for (const plugin of plugins)
    if (!PLUGIN_NAME.test(plugin.name) || plugin.name === "whatsapp" || plugin.name === "messenger")
      throw new Error(`simulator: bad plugin name ${plugin.name}`);
  const clients = new Set<ServerResponse>();
  const broadcast = (event: string, data: unknown) => {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of clients) client.write(chunk);
  };
  for (const plugin of plugins) plugin.attach?.((event, data) => broadcast(`plugin:${plugin.name}`, { event, data }));
  const threads = new SimThreads((thread) => broadcast("thread", thread));
  ctx.state.events.on("sent", (sent) => threads.businessSent(sent));
  ctx.state.events.on("status", ({ id, status, error }) => threads.businessStatus(id, status, error));
  ctx.state.events.on("markedRead", ({ accountId, messageId }) => threads.markedRead(accountId, messageId));
  ctx.state.events.on("markedSeen", ({ pageId, psid }) => threads.markedSeen(pageId, psid));
  ctx.state.events.on("accounts", () => broadcast("accounts", {}));
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(": keep-alive\n\n");
  }, 20_000);
  heartbeat.unref();
  const sim: TSimContext = {
    ctx,
    clients,
    threads,
    plugins,
    close() {
      clearInterval(heartbeat);
      for (const plugin of plugins) plugin.close?.();
      for (const client of clients) client.end();
      clients.clear();
    },
    reset() {
      threads.clear();
      for (const plugin of plugins) plugin.reset?.();
      broadcast("reset", {});
    },
  };
  return sim;
}

function dealers(ctx: TGraphContext, plugins: readonly TSimulatorPlugin[]) {
  const byLabel = new Map<string, { dealer: string; whatsapp: unknown; messenger: unknown }>();
  const entry = (label: string) => {
    const found = byLabel.get(label) ?? { dealer: label, whatsapp: null, messenger: null };
    byLabel.set(label, found);
    return found;
  };
  for (const a of ctx.state.whatsapp.values())
    entry(a.label).whatsapp = {
      id: a.phoneNumberId,
      wabaId: a.wabaId,
      displayPhoneNumber: a.displayPhoneNumber,
      formattedPhoneNumber: a.formattedPhoneNumber,
      connected: Boolean(a.webhookUrl),
    };
  for (const p of ctx.state.messenger.values())
    entry(p.label).messenger = { id: p.pageId, pageName: p.pageName, connected: Boolean(p.webhookUrl) };
  for (const plugin of plugins) for (const label of plugin.labels?.() ?? []) entry(label);
  return [...byLabel.values()];
}

export async function routeSimulator(simulator: TSimulator, req: IncomingMessage, res: ServerResponse, url: URL) {
  const sim = simulator as TSimContext;
  const plugin = sim.plugins.find(
    (p) =>
      [`/__sim/${p.name}.js`, `/__sim/${p.name}.css`].includes(url.pathname) ||
      url.pathname.startsWith(`/__sim/${p.name}/`),
  );
  if (plugin) return routePlugin(plugin, req, res, url);
  const asset = req.method === "GET" || req.method === "HEAD" ? ASSETS[url.pathname] : undefined;
  if (asset) {
    const body = page(asset.file);
    res.writeHead(200, {
      "content-type": asset.type,
      "content-length": body.length,
      "cache-control": "no-cache",
      "content-security-policy": CSP,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    return res.end(req.method === "HEAD" ? undefined : body);
  }
  if (url.pathname === "/__sim/favicon.svg") {
    res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "max-age=86400" });
    return res.end(FAVICON);
  }
  const media = /^\/__sim\/media\/(\d+)$/.exec(url.pathname);
  if (media && req.method === "GET") return serveMedia(sim, req, res, media[1]!);
  const route = `${req.method} ${url.pathname}`;
  if (route === "GET /__sim/state")
    return sendJson(res, 200, {
      dealers: dealers(sim.ctx, sim.plugins),
      threads: sim.threads.all(),
      plugins: sim.plugins.map((p) => ({ name: p.name, label: p.label, style: Boolean(p.style) })),
    });
  if (route === "GET /__sim/events") return openEvents(sim, req, res);
  const raw = await readBody(req, 40 << 20);
  if (route === "POST /__sim/send") return simSend(sim, req, res, raw);
  const body = parseJson(raw);
  if (!isRecord(body) || typeof body.key !== "string") return sendJson(res, 400, { error: "expected {key}" });
  const thread = sim.threads.byKey(body.key);
  if (!thread) return sendJson(res, 404, { error: "no such conversation" });
  if (route === "POST /__sim/read") return simRead(sim, res, thread);
  if (route === "POST /__sim/played" && typeof body.id === "string") return simPlayed(sim, res, thread, body.id);
  if (route === "POST /__sim/retry" && typeof body.id === "string") return simRetry(sim, res, thread, body.id);
  return sendJson(res, 404, { error: `no simulator route ${route}` });
}

/** A plugin's script and style, and its API under /__sim/<name>/. */
async function routePlugin(plugin: TSimulatorPlugin, req: IncomingMessage, res: ServerResponse, url: URL) {
  const asset =
    url.pathname === `/__sim/${plugin.name}.js`
      ? { body: plugin.script, type: "text/javascript; charset=utf-8" }
      : url.pathname === `/__sim/${plugin.name}.css` && plugin.style !== undefined
        ? { body: plugin.style, type: "text/css; charset=utf-8" }
        : null;
  if (asset && (req.method === "GET" || req.method === "HEAD")) {
    const body = Buffer.from(asset.body);
    res.writeHead(200, {
      "content-type": asset.type,
      "content-length": body.length,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    return res.end(req.method === "HEAD" ? undefined : body);
  }
  if (url.pathname.startsWith(`/__sim/${plugin.name}/`) && plugin.route) return plugin.route(req, res, url);
  return sendJson(res, 404, { error: `no simulator route ${req.method} ${url.pathname}` });
}

/** Media elements read with Range requests (an OGG's duration is at its end). */
function serveMedia(sim: TSimContext, req: IncomingMessage, res: ServerResponse, id: string) {
  const media = sim.ctx.state.media.get(id);
  if (!media) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("Not found");
  }
  // Served to the simulator page only (same origin); a download never renders as a page.
  const inline = /^(image\/(jpeg|png|gif|webp)|audio\/|video\/)/.test(baseMime(media.mimeType));
  const headers = {
    "content-type": inline ? media.mimeType : "application/octet-stream",
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${(media.fileName ?? `file-${media.id}`).replace(/[^\w.() -]/g, "_")}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=3600",
    "accept-ranges": "bytes",
  };
  const total = media.bytes.length;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, total - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), total - 1) : total - 1;
    if (start >= total || start > end) {
      res.writeHead(416, { "content-range": `bytes */${total}` });
      return res.end();
    }
    res.writeHead(206, {
      ...headers,
      "content-range": `bytes ${start}-${end}/${total}`,
      "content-length": end - start + 1,
    });
    return res.end(media.bytes.subarray(start, end + 1));
  }
  res.writeHead(200, { ...headers, "content-length": total });
  res.end(media.bytes);
}

function openEvents(sim: TSimContext, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write("retry: 2000\n\n");
  sim.clients.add(res);
  req.on("close", () => sim.clients.delete(res));
}

// ── the customer writes ─────────────────────────────────────────────────────────────────────

type TKind = "text" | "photo" | "voice" | "file" | "location";

async function simSend(sim: TSimContext, req: IncomingMessage, res: ServerResponse, raw: Buffer) {
  const form = await parseForm(req, raw);
  if (!form) return sendJson(res, 400, { error: "expected a form" });
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const channel = field("channel");
  const accountId = field("accountId");
  const kind = field("kind") as TKind;
  const name = field("name").slice(0, 80) || "Customer";
  const text = field("text").slice(0, 4096);
  const file = form.get("file");
  const bytes = file && typeof file !== "string" ? Buffer.from(await file.arrayBuffer()) : null;
  const fileName = file && typeof file !== "string" && file.name !== "blob" ? file.name.slice(0, 120) : null;
  const fileType = file && typeof file !== "string" ? file.type : "";
  if (!["text", "photo", "voice", "file", "location"].includes(kind))
    return sendJson(res, 400, { error: "unknown kind" });
  if (kind === "text" && !text) return sendJson(res, 400, { error: "empty message" });
  if ((kind === "photo" || kind === "voice" || kind === "file") && (!bytes || bytes.length === 0))
    return sendJson(res, 400, { error: "no file" });

  if (channel === "whatsapp") {
    const account = sim.ctx.state.whatsapp.get(accountId);
    if (!account) return sendJson(res, 404, { error: "no such WhatsApp number" });
    const waId = field("phone").replace(/\D/g, "");
    if (!/^\d{7,15}$/.test(waId))
      return sendJson(res, 400, { error: "enter the customer's phone number (7–15 digits)" });
    const hidePhone = field("hidePhone") === "1";
    const bsuid = bsuidFor(account.wabaId, waId);
    const thread = sim.threads.open("whatsapp", accountId, {
      name,
      phone: waId,
      waId: hidePhone ? null : waId,
      bsuid,
      psid: null,
    });
    const place = {
      latitude: Number(field("latitude")) || 52.3412,
      longitude: Number(field("longitude")) || 4.8896,
      name: field("placeName") || "RAI Amsterdam",
      address: field("address") || "Europaplein 24, 1078 GZ Amsterdam",
    };
    const { spec, message } = whatsappSpec(sim, accountId, kind, { text, bytes, fileName, fileType, place });
    sim.threads.add(thread, message);
    sendJson(res, 202, { key: thread.key, id: message.id });
    const result = await postWhatsAppBatch(sim.ctx, [
      { phoneNumberId: accountId, from: hidePhone ? null : waId, bsuid, name, messages: [spec] },
    ]).catch((error: unknown) => ({ status: null, body: "", error: String(error), delivery: null }));
    return settle(sim, thread, message.id, result);
  }
  if (channel === "messenger") {
    const pageAccount = sim.ctx.state.messenger.get(accountId);
    if (!pageAccount) return sendJson(res, 404, { error: "no such Messenger page" });
    const psid = psidFor(accountId, name);
    const thread = sim.threads.open("messenger", accountId, { name, phone: null, waId: null, bsuid: null, psid });
    const mid = newMid();
    let stored: TStoredMedia | null = null;
    let type: "image" | "audio" | "video" | "file" = "file";
    if (bytes) {
      type = kind === "voice" ? "audio" : attachmentType(fileType, kind);
      stored = sim.ctx.state.storeMedia({
        bytes,
        mimeType: fileType || "application/octet-stream",
        fileName: fileName ?? (kind === "voice" ? "audioclip.webm" : null),
        channel: "messenger",
        accountId,
      });
    }
    const message = simMessage(mid, stored ? type : "text", stored ? null : text || "👍", stored, kind === "voice");
    sim.threads.add(thread, message);
    sendJson(res, 202, { key: thread.key, id: mid });
    const result = await postMessengerInbound(sim.ctx, [
      {
        pageId: accountId,
        psid,
        name,
        messages: [stored ? { type, mediaId: stored.id, mid } : { type: "text", text: text || "👍", mid }],
      },
    ]).catch((error: unknown) => ({ status: null, body: "", error: String(error), delivery: null }));
    return settle(sim, thread, mid, result);
  }
  return sendJson(res, 400, { error: "unknown channel" });
}

function attachmentType(mime: string, kind: TKind): "image" | "audio" | "video" | "file" {
  const base = baseMime(mime);
  if (kind === "photo" || base.startsWith("image/")) return "image";
  if (base.startsWith("audio/")) return "audio";
  if (base.startsWith("video/")) return "video";
  return "file";
}

function simMessage(
  id: string,
  kind: string,
  text: string | null,
  media: TStoredMedia | null,
  voice: boolean,
): TSimMessage {
  return {
    id,
    from: "customer",
    kind,
    text,
    media: media
      ? { id: media.id, mimeType: media.mimeType, fileName: media.fileName, size: media.bytes.length }
      : null,
    voice,
    at: Date.now(),
    state: "pending",
    status: null,
    error: null,
    template: null,
    tag: null,
    deliveryId: null,
  };
}

/** The simulator's message as WhatsApp would deliver it (voice notes as OGG/Opus, like a phone). */
function whatsappSpec(
  sim: TSimContext,
  accountId: string,
  kind: TKind,
  input: {
    text: string;
    bytes: Buffer | null;
    fileName: string | null;
    fileType: string;
    place: { latitude: number; longitude: number; name: string; address: string };
  },
): { spec: TWhatsAppInboundSpec; message: TSimMessage } {
  const id = newWamid();
  const store = (bytes: Buffer, mimeType: string, fileName: string | null) =>
    sim.ctx.state.storeMedia({ bytes, mimeType, fileName, channel: "whatsapp", accountId });
  if (kind === "location") {
    const spec: TWhatsAppInboundSpec = { type: "location", id, ...input.place };
    const message = simMessage(id, "location", `📍 ${input.place.name}, ${input.place.address}`, null, false);
    return {
      spec,
      message: { ...message, location: { latitude: input.place.latitude, longitude: input.place.longitude } },
    };
  }
  if (!input.bytes) {
    return { spec: { type: "text", id, text: input.text }, message: simMessage(id, "text", input.text, null, false) };
  }
  const base = baseMime(input.fileType);
  if (kind === "voice") {
    const ogg = base === "audio/ogg" ? input.bytes : webmOpusToOgg(input.bytes);
    if (ogg) {
      const media = store(ogg, "audio/ogg; codecs=opus", null);
      return {
        spec: { type: "audio", id, voice: true, mediaId: media.id },
        message: simMessage(id, "audio", null, media, true),
      };
    }
  }
  if (base === "image/jpeg" || base === "image/png") {
    const media = store(input.bytes, base, input.fileName);
    return {
      spec: { type: "image", id, mediaId: media.id, caption: input.text || undefined },
      message: simMessage(id, "image", input.text || null, media, false),
    };
  }
  if (base.startsWith("audio/")) {
    const media = store(input.bytes, input.fileType, input.fileName);
    return { spec: { type: "audio", id, mediaId: media.id }, message: simMessage(id, "audio", null, media, false) };
  }
  if (base === "video/mp4") {
    const media = store(input.bytes, base, input.fileName);
    return {
      spec: { type: "video", id, mediaId: media.id, caption: input.text || undefined },
      message: simMessage(id, "video", input.text || null, media, false),
    };
  }
  // WhatsApp sends anything else (PDFs, other images) as a document with its file name.
  const fileName = input.fileName ?? "document";
  const media = store(input.bytes, input.fileType || "application/octet-stream", fileName);
  return {
    spec: { type: "document", id, mediaId: media.id, fileName, caption: input.text || undefined },
    message: simMessage(id, "document", input.text || null, media, false),
  };
}

function settle(
  sim: TSimContext,
  thread: TSimThread,
  id: string,
  result: { status: number | null; body: string; error: string | null; delivery: { id: number } | null },
) {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const why = result.error
    ? `Forecourt could not be reached (${result.error})`
    : `Forecourt answered ${result.status}${reasonOf(result.body)}`;
  sim.threads.update(thread, id, {
    state: ok ? "delivered" : "failed",
    error: ok ? null : why,
    deliveryId: result.delivery?.id ?? null,
  });
}

/** Our error body's message ({error: {message}}), else the start of the body. */
function reasonOf(body: string) {
  const parsed = parseJson(Buffer.from(body));
  const message = isRecord(parsed) && isRecord(parsed.error) ? parsed.error.message : undefined;
  const text = typeof message === "string" ? message : body.slice(0, 200);
  return text ? `: ${text}` : "";
}

// ── the customer reads, plays, retries ──────────────────────────────────────────────────────

async function simRead(sim: TSimContext, res: ServerResponse, thread: TSimThread) {
  const unread = thread.messages.filter(
    (m) => m.from === "business" && m.status !== null && ["accepted", "sent", "delivered"].includes(m.status),
  );
  if (unread.length === 0) return sendJson(res, 200, { read: 0 });
  if (thread.channel === "whatsapp")
    await postWhatsAppStatuses(
      sim.ctx,
      unread.map((m) => ({ id: m.id, status: "read" as const })),
      { together: true },
    );
  else if (thread.customer.psid)
    await postMessengerReceipt(sim.ctx, { pageId: thread.accountId, psid: thread.customer.psid, kind: "read" });
  return sendJson(res, 200, { read: unread.length });
}

async function simPlayed(sim: TSimContext, res: ServerResponse, thread: TSimThread, id: string) {
  const message = thread.messages.find((m) => m.id === id && m.from === "business");
  if (!message || thread.channel !== "whatsapp" || message.kind !== "audio" || message.status === "played")
    return sendJson(res, 200, { played: false });
  await postWhatsAppStatuses(sim.ctx, [{ id, status: "played" }]);
  return sendJson(res, 200, { played: true });
}

async function simRetry(sim: TSimContext, res: ServerResponse, thread: TSimThread, id: string) {
  const message = thread.messages.find((m) => m.id === id && m.from === "customer");
  if (!message?.deliveryId) return sendJson(res, 404, { error: "nothing to retry" });
  sim.threads.update(thread, id, { state: "pending", error: null });
  sendJson(res, 202, { retrying: true });
  const result = await sim.ctx.poster
    .redeliver(message.deliveryId)
    .catch((error: unknown) => ({ status: null, body: "", error: String(error), delivery: null }));
  settle(sim, thread, id, { ...result, delivery: { id: message.deliveryId } });
}
