import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseMetaWebhook, sendMessenger, sendWhatsApp } from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { chromeWebmOpus, JPEG_TINY, OGG_OPUS_VOICE } from "./fixtures";
import { isOggOpus } from "./whatsapp-api";
import { startMetaGraph, type TMetaGraph } from "./server";
import type { TSimThread } from "./simulator/threads";
import { startWebhookSink } from "./webhook-sink";

/*
 * The channel simulator's server side over HTTP, as its page uses it: the customer writes
 * (text, photo, a browser-recorded voice note), replies arrive from the outbound log, and
 * reading or playing them goes back to us as statuses. The page's own behaviour is checked in
 * a browser by the e2e tier; here, the endpoints and what reaches the webhook.
 */

let graph: TMetaGraph;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
const V = "v23.0";
const wa = {
  phoneNumberId: "106500000000901",
  wabaId: "102900000000901",
  accessToken: "EAADsimulatortoken0001",
  appSecret: "app-secret-simulator-01",
  displayPhoneNumber: "+31 20 555 0901",
  label: "Northwind Amsterdam",
};
const fb = {
  pageId: "110500000000901",
  pageAccessToken: "EAAGsimulatorpage0001",
  appSecret: "app-secret-simulator-01",
  label: "Northwind Amsterdam",
};

const endpoint = () => ({ baseUrl: graph.url, version: V, timeoutMs: 5000 });
const state = async () =>
  (await (await fetch(`${graph.url}/__sim/state`)).json()) as { dealers: unknown[]; threads: TSimThread[] };
const post = (path: string, body: unknown) =>
  fetch(`${graph.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

function form(fields: Record<string, string>, file?: { bytes: Uint8Array; type: string; name: string }) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  if (file) f.set("file", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  return fetch(`${graph.url}/__sim/send`, { method: "POST", body: f });
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  sink = await startWebhookSink();
  graph = await startMetaGraph({
    port: getConfig().CHANNEL_SIMULATOR_PORT,
    simulator: true,
    autoStatuses: true,
    autoStatusDelayMs: 20,
  });
  graph.addWhatsApp({ ...wa, webhookUrl: sink.url });
  graph.addMessenger({ ...fb, webhookUrl: sink.url });
});
afterAll(async () => {
  await graph.close();
  await sink.close();
});
afterEach(() => {
  graph.reset();
  sink.received.length = 0;
  sink.answer(200);
});

describe("the simulator page", () => {
  it("is served under its own strict policy, with the dealers grouped by name", async () => {
    const page = await fetch(`${graph.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await page.text();
    expect(html).toContain('<script src="/__sim/app.js" defer></script>');
    expect(html).not.toMatch(/<script>|style="/);
    expect((await fetch(`${graph.url}/__sim/app.js`)).headers.get("content-type")).toContain("javascript");
    expect((await state()).dealers).toEqual([
      {
        dealer: "Northwind Amsterdam",
        whatsapp: expect.objectContaining({ id: wa.phoneNumberId, formattedPhoneNumber: "+31 20 555 0901" }),
        messenger: expect.objectContaining({ id: fb.pageId }),
      },
    ]);
  });

  it("streams thread changes as server-sent events", async () => {
    const controller = new AbortController();
    const events = await fetch(`${graph.url}/__sim/events`, { signal: controller.signal });
    expect(events.headers.get("content-type")).toContain("text/event-stream");
    const reader = events.body!.getReader();
    await form({
      channel: "whatsapp",
      accountId: wa.phoneNumberId,
      name: "Sophie",
      phone: "+31 6 1234 5678",
      kind: "text",
      text: "Hi",
    });
    let text = "";
    while (!text.includes("event: thread")) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('"text":"Hi"');
    await sink.waitFor(1);
  });
});

describe("the customer writes", () => {
  it("sends WhatsApp text as a signed webhook with both identities; the thread says our webhook took it", async () => {
    const response = await form({
      channel: "whatsapp",
      accountId: wa.phoneNumberId,
      name: "Sophie Bakker",
      phone: "+31 6 1234 5678",
      kind: "text",
      text: "Is the EX30 available?",
    });
    expect(response.status).toBe(202);
    const { key, id } = (await response.json()) as { key: string; id: string };
    const thread = (await until(state, (s) => s.threads[0]?.messages[0]?.state === "delivered")).threads[0]!;
    expect(thread.key).toBe(key);
    expect(thread.customer).toMatchObject({
      name: "Sophie Bakker",
      waId: "31612345678",
      bsuid: expect.stringMatching(/^NL\.\d{20}$/),
    });
    const events = parseMetaWebhook(sink.received[0]!.json)![0]!.events;
    expect(events[0]).toMatchObject({
      type: "message",
      externalId: id,
      text: "Is the EX30 available?",
      identities: [
        { kind: "wa_id", value: "31612345678" },
        { kind: "bsuid", value: thread.customer.bsuid },
      ],
    });

    // "Hide my number": same customer (same BSUID), no phone number in the webhook.
    await form({
      channel: "whatsapp",
      accountId: wa.phoneNumberId,
      name: "Sophie Bakker",
      phone: "+31 6 1234 5678",
      hidePhone: "1",
      kind: "text",
      text: "again",
    });
    await sink.waitFor(2);
    const hidden = parseMetaWebhook(sink.received[1]!.json)![0]!.events[0];
    expect(hidden).toMatchObject({ identities: [{ kind: "bsuid", value: thread.customer.bsuid }], phone: null });
    expect((await state()).threads).toHaveLength(1);
  });

  it("repackages a browser-recorded voice note (WebM) as OGG/Opus, as a phone sends it", async () => {
    await form(
      { channel: "whatsapp", accountId: wa.phoneNumberId, name: "Sophie", phone: "31612345678", kind: "voice" },
      { bytes: chromeWebmOpus(), type: "audio/webm;codecs=opus", name: "voice-note.webm" },
    );
    await sink.waitFor(1);
    const event = parseMetaWebhook(sink.received[0]!.json)![0]!.events[0];
    expect(event).toMatchObject({ type: "message", media: { kind: "voice", mimeType: "audio/ogg; codecs=opus" } });
    const media = graph.media(event?.type === "message" ? event.media!.ref : "")!;
    expect(isOggOpus(media.bytes)).toBe(true);
  });

  it("shows a refusal by our webhook with its reason, and retries the same bytes", async () => {
    sink.answer(401);
    await form(
      { channel: "messenger", accountId: fb.pageId, name: "Daan", kind: "photo" },
      { bytes: JPEG_TINY, type: "image/jpeg", name: "car.jpg" },
    );
    const failed = (await until(state, (s) => s.threads[0]?.messages[0]?.state === "failed")).threads[0]!;
    expect(failed.messages[0]!.error).toContain("401");
    sink.answer(200);
    expect((await post("/__sim/retry", { key: failed.key, id: failed.messages[0]!.id })).status).toBe(202);
    await until(state, (s) => s.threads[0]?.messages[0]?.state === "delivered");
    expect(sink.received[1]!.raw.equals(sink.received[0]!.raw)).toBe(true);
    const event = parseMetaWebhook(sink.received[1]!.json)![0]!.events[0];
    expect(event).toMatchObject({ type: "message", media: { kind: "image" } });
  });
});

describe("replies arrive, and reading them goes back", () => {
  it("WhatsApp: the reply shows with sent → delivered, the page's read and played become statuses", async () => {
    await form({
      channel: "whatsapp",
      accountId: wa.phoneNumberId,
      name: "Sophie",
      phone: "31612345678",
      kind: "text",
      text: "Hello",
    });
    const ctx = {
      endpoint: endpoint(),
      config: { ...wa, displayPhoneNumber: "" },
      secrets: { ...wa, verifyToken: "x".repeat(16) },
    };
    const text = await sendWhatsApp(ctx, { phone: "31612345678", bsuid: null }, { kind: "text", text: "Hi Sophie!" });
    const voice = await sendWhatsApp(
      ctx,
      { phone: "31612345678", bsuid: null },
      {
        kind: "media",
        mediaKind: "audio",
        bytes: OGG_OPUS_VOICE,
        mimeType: "audio/ogg; codecs=opus",
        fileName: "v.ogg",
        url: "",
        caption: "",
      },
    );
    const delivered = await until(
      state,
      (s) => s.threads[0]?.messages.filter((m) => m.status === "delivered").length === 2,
    );
    const thread = delivered.threads[0]!;
    expect(thread.messages.map((m) => [m.from, m.kind, m.status])).toEqual([
      ["customer", "text", null],
      ["business", "text", "delivered"],
      ["business", "audio", "delivered"],
    ]);
    const before = sink.received.length;
    expect(await (await post("/__sim/read", { key: thread.key })).json()).toEqual({ read: 2 });
    await sink.waitFor(before + 1);
    const reads = parseMetaWebhook(sink.received[before]!.json)![0]!.events;
    expect(reads.map((e) => e.type === "status" && [e.externalId, e.status])).toEqual([
      [text.externalId, "READ"],
      [voice.externalId, "READ"],
    ]);
    await post("/__sim/played", { key: thread.key, id: voice.externalId });
    await sink.waitFor(before + 2);
    expect(parseMetaWebhook(sink.received[before + 1]!.json)![0]!.events[0]).toMatchObject({
      externalId: voice.externalId,
      status: "PLAYED",
    });
    expect((await state()).threads[0]!.messages.at(-1)!.status).toBe("played");

    // The business marks the customer's message read: the simulator shows blue ticks on it.
    await fetch(`${graph.url}/${V}/${wa.phoneNumberId}/messages`, {
      method: "POST",
      headers: { authorization: `Bearer ${wa.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", status: "read", message_id: thread.messages[0]!.id }),
    });
    expect((await state()).threads[0]!.messages[0]!.state).toBe("read");
  });

  it("Messenger: the reply shows with its delivery; reading sends a read watermark", async () => {
    await form({
      channel: "messenger",
      accountId: fb.pageId,
      name: "Daan de Jong",
      kind: "text",
      text: "Open on Saturday?",
    });
    const thread = (await until(state, (s) => s.threads[0]?.messages[0]?.state === "delivered")).threads[0]!;
    const ctx = {
      endpoint: endpoint(),
      config: { pageId: fb.pageId, pageName: "" },
      secrets: { ...fb, verifyToken: "x".repeat(16) },
    };
    await sendMessenger(ctx, thread.customer.psid!, { kind: "text", text: "Yes, 9 to 5." });
    await until(state, (s) => s.threads[0]?.messages[1]?.status === "delivered");
    const before = sink.received.length;
    await post("/__sim/read", { key: thread.key });
    await sink.waitFor(before + 1);
    expect(parseMetaWebhook(sink.received[before]!.json)![0]!.events[0]).toMatchObject({
      type: "watermark",
      status: "READ",
    });
    expect((await state()).threads[0]!.messages[1]!.status).toBe("read");
  });
});
