import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { parseJson, readBody, sendJson } from "../../meta-graph/http-util";
import type { TSimulatorPlugin } from "../../meta-graph/simulator/plugin";
import type { TTwilio } from "../server";
import type { TTwilioSent } from "../types";

/*
 * The simulator's "SMS" tab (the foundation's plugin contract, meta-graph/simulator/plugin.ts):
 * a phone-like SMS chat per seeded dealer. It runs in the simulator process and drives the
 * Twilio stand-in in-process: a customer's text or picture becomes a signed inbound webhook to
 * that dealer's SMS channel, and the agent's replies (sends the stand-in accepted) appear with
 * the status the stand-in reported back to us (sent, delivered, or the failure's error code).
 */

export type TSmsSimMessage = {
  id: string;
  from: "customer" | "business";
  text: string;
  media: { url: string | null; mimeType: string }[];
  at: number;
  /** Customer messages: our webhook's answer. */
  state: "pending" | "delivered" | "failed" | null;
  /** Business messages: Twilio's MessageStatus. */
  status: string | null;
  error: string | null;
};
export type TSmsSimThread = { key: string; dealerNumber: string; customer: string; messages: TSmsSimMessage[] };

const ZSend = z.object({
  /** The dealer's number (the SMS channel). */
  to: z.string().regex(/^\+\d{6,15}$/),
  /** The customer's number. */
  from: z.string().regex(/^\+\d{6,15}$/),
  body: z.string().max(1600).default(""),
  media: z
    .array(z.object({ bytesBase64: z.string(), mimeType: z.string() }))
    .max(3)
    .optional(),
});

const PAGE = (name: string) => readFileSync(new URL(`./page/${name}`, import.meta.url));

export function createSmsPlugin(twilio: TTwilio): TSimulatorPlugin {
  const threads = new Map<string, TSmsSimThread>();
  let notify: ((event: string, data: unknown) => void) | null = null;
  const changed = (thread: TSmsSimThread) => notify?.("thread", thread);
  const threadOf = (dealerNumber: string, customer: string) => {
    const key = `${dealerNumber}|${customer}`;
    let thread = threads.get(key);
    if (!thread) {
      thread = { key, dealerNumber, customer, messages: [] };
      threads.set(key, thread);
    }
    return thread;
  };
  const business = (sent: TTwilioSent) => {
    // Replies to the dealer's number from the agent's side: one thread per customer.
    const thread = threadOf(sent.from, sent.to);
    let message = thread.messages.find((m) => m.id === sent.sid);
    if (!message) {
      message = {
        id: sent.sid,
        from: "business",
        text: sent.body,
        media: [],
        at: Date.now(),
        state: null,
        status: null,
        error: null,
      };
      thread.messages.push(message);
    }
    message.media = sent.media.map((m) => ({ url: m.sid ? `/__sim/sms/media/${m.sid}` : null, mimeType: m.mimeType }));
    message.status = sent.status;
    message.error = sent.errorCode !== null ? `Error ${sent.errorCode}` : null;
    changed(thread);
  };
  const unsubscribe = [
    twilio.on("sent", business),
    twilio.on("status", business),
    twilio.on("accounts", () => notify?.("accounts", {})),
  ];

  /** Dealers (labels) and their numbers. */
  const dealers = () =>
    twilio
      .accounts()
      .flatMap((a) => a.numbers.map((number) => ({ label: a.numberSettings[number]?.label ?? a.label, number })));

  async function send(req: IncomingMessage, res: ServerResponse) {
    const parsed = ZSend.safeParse(parseJson(await readBody(req, 20 << 20)));
    if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
    const input = parsed.data;
    const thread = threadOf(input.to, input.from);
    const media = (input.media ?? []).map((m) => ({
      bytes: Buffer.from(m.bytesBase64, "base64"),
      mimeType: m.mimeType,
    }));
    const message: TSmsSimMessage = {
      id: `sim-${Date.now()}-${thread.messages.length}`,
      from: "customer",
      text: input.body,
      media: [],
      at: Date.now(),
      state: "pending",
      status: null,
      error: null,
    };
    thread.messages.push(message);
    changed(thread);
    try {
      const result = await twilio.postInbound({ to: input.to, from: input.from, body: input.body, media });
      message.id = result.messageSid;
      message.media = Object.entries(result.params)
        .filter(([k]) => /^MediaUrl\d+$/.test(k))
        .map(([k, v]) => ({
          url: `/__sim/sms/media/${v.split("/").at(-1)}`,
          mimeType: result.params[`MediaContentType${k.slice(8)}`] ?? "",
        }));
      message.state = result.status !== null && result.status < 300 ? "delivered" : "failed";
      message.error = message.state === "failed" ? (result.error ?? `Forecourt answered ${result.status}`) : null;
    } catch (error) {
      message.state = "failed";
      message.error = error instanceof Error ? error.message : String(error);
    }
    changed(thread);
    return sendJson(res, 200, thread);
  }

  return {
    name: "sms",
    label: "SMS",
    script: PAGE("sms.js"),
    style: PAGE("sms.css"),
    labels: () => dealers().map((d) => d.label),
    attach: (fn) => (notify = fn),
    reset: () => threads.clear(),
    close: () => unsubscribe.forEach((off) => off()),
    async route(req, res, url) {
      const route = `${req.method} ${url.pathname}`;
      if (route === "GET /__sim/sms/state")
        return sendJson(res, 200, { dealers: dealers(), threads: [...threads.values()] });
      if (route === "POST /__sim/sms/send") return send(req, res);
      const media = /^\/__sim\/sms\/media\/(ME[0-9a-f]{32})$/.exec(url.pathname);
      if (media && req.method === "GET") return serveMedia(twilio, res, media[1]!);
      return sendJson(res, 404, { error: `no SMS simulator route ${route}` });
    },
  };
}

/** A picture of the conversation, for the simulator page only (same origin); never rendered as a page. */
function serveMedia(twilio: TTwilio, res: ServerResponse, sid: string) {
  const media = twilio.media(sid);
  if (!media) return sendJson(res, 404, { error: "no such media" });
  const inline = /^image\/(jpeg|png|gif|webp)$/.test(media.mimeType);
  res.writeHead(200, {
    "content-type": inline ? media.mimeType : "application/octet-stream",
    "content-disposition": inline ? "inline" : "attachment",
    "x-content-type-options": "nosniff",
    "cache-control": "private, max-age=3600",
  });
  res.end(media.bytes);
}
