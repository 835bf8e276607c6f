import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { baseMime, isRecord, parseForm, parseJson, readBody, sendJson } from "../../meta-graph/http-util";
import { webmOpusToOgg } from "../../meta-graph/ogg-opus";
import type { TSimulatorPlugin } from "../../meta-graph/simulator/plugin";
import type { TTelegramInboundSpec } from "../inbound";
import type { TTelegramBotApi } from "../server";
import type { TSentMessage } from "../types";
import { telegramUserIdFor, TgSimThreads, type TTgSimMessage, type TTgSimThread } from "./threads";

/*
 * The simulator's Telegram tab (demo mode): a phone-like Telegram chat with each seeded dealer's
 * bot. The customer's messages go to Forecourt as webhook updates with the bot's secret token;
 * the agent's replies appear from the stand-in's send log. Everything under /__sim/telegram/.
 * The page script is page/telegram.js (plain script, no build step, nothing inline).
 */

const asset = (name: string) => readFileSync(new URL(`./page/${name}`, import.meta.url));

/** The Telegram tab: a TSimulatorPlugin over the stand-in (the simulator passes it to startMetaGraph). */
export function createTelegramSimulator(api: TTelegramBotApi): TSimulatorPlugin {
  let notify: (event: string, data: unknown) => void = () => undefined;
  const threads = new TgSimThreads((thread) => notify("thread", thread));
  const onSent = (sent: TSentMessage) => botSent(threads, sent);
  api.context.state.events.on("sent", onSent);

  return {
    name: "telegram",
    label: "Telegram",
    script: asset("telegram.js"),
    style: asset("telegram.css"),
    labels: () => api.bots().map((b) => b.label),
    attach(fn) {
      notify = fn;
    },
    reset() {
      threads.clear();
      notify("reset", {});
    },
    close() {
      api.context.state.events.off("sent", onSent);
    },
    async route(req, res, url) {
      await handle(req, res, url);
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname.replace(/^\/__sim\/telegram/, "");
    const route = `${req.method} ${path}`;
    const file = /^\/file\/([\w-]+)$/.exec(path);
    if (file && req.method === "GET") return serveFile(api, req, res, file[1]!);
    if (route === "GET /state")
      return sendJson(res, 200, {
        bots: api.bots().map((b) => ({
          id: b.id,
          username: b.username,
          name: b.firstName,
          label: b.label,
          connected: Boolean(b.webhook),
        })),
        threads: threads.all(),
      });
    const raw = await readBody(req, 40 << 20);
    if (route === "POST /send") return customerSends(api, threads, req, res, raw);
    const body = parseJson(raw);
    if (!isRecord(body) || typeof body.key !== "string") return sendJson(res, 400, { error: "expected {key}" });
    const thread = threads.byKey(body.key);
    if (!thread) return sendJson(res, 404, { error: "no such chat" });
    if (route === "POST /retry" && typeof body.id === "string") return retry(api, threads, res, thread, body.id);
    if (route === "POST /block" && typeof body.blocked === "boolean") {
      const result = await api.setBlocked({ botId: thread.botId, user: thread.user, blocked: body.blocked });
      thread.blocked = body.blocked;
      threads.touch(thread);
      return sendJson(res, 200, { status: result.status });
    }
    return sendJson(res, 404, { error: `no Telegram simulator route ${route}` });
  }
}

function botSent(threads: TgSimThreads, sent: TSentMessage) {
  const thread = threads.byChat(sent.botId, sent.chatId);
  if (!thread) return;
  const kind: TTgSimMessage["kind"] =
    sent.method === "sendPhoto"
      ? "photo"
      : sent.method === "sendVoice"
        ? "voice"
        : sent.method === "sendAudio"
          ? "audio"
          : sent.method === "sendVideo"
            ? "video"
            : sent.method === "sendDocument"
              ? "document"
              : "text";
  threads.add(thread, {
    id: threads.nextId(),
    from: "bot",
    kind,
    text: sent.text ?? sent.caption,
    file: sent.file,
    location: null,
    at: Date.parse(sent.at),
    state: "sent",
    error: null,
    deliveryId: null,
    messageId: sent.messageId,
  });
}

async function customerSends(
  api: TTelegramBotApi,
  threads: TgSimThreads,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
) {
  const form = await parseForm(req, raw);
  if (!form) return sendJson(res, 400, { error: "expected a form" });
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const bot = api.bot(field("botId"));
  if (!bot) return sendJson(res, 404, { error: "no such bot" });
  if (!bot.webhook) return sendJson(res, 409, { error: "this bot has no webhook: connect it in Forecourt first" });
  const name = field("name").slice(0, 64) || "Customer";
  const [firstName, ...rest] = name.split(/\s+/);
  const user = {
    id: telegramUserIdFor(bot.id, name),
    firstName: firstName!,
    ...(rest.length ? { lastName: rest.join(" ") } : {}),
  };
  const kind = field("kind");
  const text = field("text").slice(0, 4096);
  const upload = form.get("file");
  const bytes = upload && typeof upload !== "string" ? Buffer.from(await upload.arrayBuffer()) : null;
  const fileType = upload && typeof upload !== "string" ? baseMime(upload.type) : "";
  const fileName = upload && typeof upload !== "string" && upload.name !== "blob" ? upload.name.slice(0, 120) : null;

  let spec: TTelegramInboundSpec;
  let simKind: TTgSimMessage["kind"];
  if (kind === "text") {
    if (!text) return sendJson(res, 400, { error: "empty message" });
    spec = { type: "text", text };
    simKind = "text";
  } else if (kind === "location") {
    spec = { type: "location", latitude: 52.3412, longitude: 4.8896 };
    simKind = "location";
  } else if (bytes && bytes.length > 0 && kind === "voice") {
    // Browsers record Opus in WebM; Telegram voice notes are OGG/Opus: same packets, new container.
    const ogg = fileType === "audio/ogg" ? bytes : webmOpusToOgg(bytes);
    if (!ogg) return sendJson(res, 400, { error: "could not read the recording" });
    spec = { type: "voice", bytes: ogg, mimeType: "audio/ogg" };
    simKind = "voice";
  } else if (bytes && bytes.length > 0 && kind === "file") {
    if (fileType === "image/jpeg") {
      spec = { type: "photo", bytes, caption: text || undefined };
      simKind = "photo";
    } else {
      spec = {
        type: "document",
        bytes,
        mimeType: fileType || "application/octet-stream",
        fileName: fileName ?? "file",
        caption: text || undefined,
      };
      simKind = "document";
    }
  } else return sendJson(res, 400, { error: "unknown kind, or no file" });

  const thread = threads.open(bot.id, user);
  const id = threads.nextId();
  const message: TTgSimMessage = {
    id,
    from: "customer",
    kind: simKind,
    text: kind === "text" ? text : text || null,
    file: null,
    location: spec.type === "location" ? { latitude: spec.latitude, longitude: spec.longitude } : null,
    at: Date.now(),
    state: "pending",
    error: null,
    deliveryId: null,
    messageId: null,
  };
  threads.add(thread, message);
  sendJson(res, 202, { key: thread.key, id });
  try {
    const result = await api.postInbound({ botId: bot.id, user, message: spec });
    const stored = result.fileId ? api.file(result.fileId) : undefined;
    message.file = stored
      ? { fileId: stored.fileId, mimeType: stored.mimeType, fileName: stored.fileName, size: stored.bytes.length }
      : null;
    message.messageId = result.messageId;
    settle(threads, thread, id, result);
  } catch (error) {
    threads.update(thread, id, { state: "failed", error: `Could not post the update (${String(error)})` });
  }
}

function settle(
  threads: TgSimThreads,
  thread: TTgSimThread,
  id: string,
  result: { status: number | null; body: string; error: string | null; delivery: { id: number } },
) {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  threads.update(thread, id, {
    state: ok ? "delivered" : "failed",
    error: ok
      ? null
      : result.error
        ? `Forecourt could not be reached (${result.error})`
        : `Forecourt answered ${result.status}: ${result.body.slice(0, 200)}`,
    deliveryId: result.delivery.id,
  });
}

async function retry(
  api: TTelegramBotApi,
  threads: TgSimThreads,
  res: ServerResponse,
  thread: TTgSimThread,
  id: string,
) {
  const message = thread.messages.find((m) => m.id === id && m.from === "customer");
  if (!message?.deliveryId) return sendJson(res, 404, { error: "nothing to retry" });
  threads.update(thread, id, { state: "pending", error: null });
  sendJson(res, 202, { retrying: true });
  const result = await api.redeliver(message.deliveryId);
  settle(threads, thread, id, { ...result, delivery: { id: message.deliveryId } });
}

/** Files of the chat (the customer's and the bot's), for the page only; Range for audio. */
function serveFile(api: TTelegramBotApi, req: IncomingMessage, res: ServerResponse, fileId: string) {
  const file = api.file(fileId);
  if (!file) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("Not found");
  }
  const type = baseMime(file.mimeType);
  const inline = /^(image\/(jpeg|png|gif|webp)|audio\/|video\/)/.test(type);
  const headers = {
    "content-type": inline ? type : "application/octet-stream",
    "content-disposition": `${inline ? "inline" : "attachment"}; filename="${(file.fileName ?? file.filePath.split("/").pop()!).replace(/[^\w.() -]/g, "_")}"`,
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=3600",
    "accept-ranges": "bytes",
  };
  const total = file.bytes.length;
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
    return res.end(file.bytes.subarray(start, end + 1));
  }
  res.writeHead(200, { ...headers, "content-length": total });
  res.end(file.bytes);
}
