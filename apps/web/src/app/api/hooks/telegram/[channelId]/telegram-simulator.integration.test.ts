import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { channelSimulatorFilePath, type TChannelSimulatorFile } from "@forecourt/db/channel-simulator-file";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { startMetaGraph, type TMetaGraph } from "@forecourt/testing/meta-graph";
import { chromeWebmOpus } from "@forecourt/testing/meta-graph/fixtures";
import { startTelegramBotApi, type TTelegramBotApi } from "@forecourt/testing/telegram";
import { loadDemoBots } from "@forecourt/testing/telegram/demo-file";
import { createTelegramSimulator } from "@forecourt/testing/telegram/simulator/telegram-simulator";
import { POST } from "./route";

/*
 * The demo as the start command wires it: the seeded dealers' Telegram bots, the simulator's
 * Telegram tab (a plugin of the channel simulator) on the Bot API stand-in, and this callback
 * route behind real HTTP. A customer writing in the tab lands in the dealer's inbox with the
 * seed's secret; an agent's reply shows up in the tab.
 */

let graph: TMetaGraph;
let telegram: TTelegramBotApi;
let server: Server;
let demo: NonNullable<TChannelSimulatorFile["telegram"]>;
const name = `Sim Telegram ${randomInt(1_000_000, 9_999_999)}`;
const contactIds: string[] = [];

beforeAll(async () => {
  const file = channelSimulatorFilePath(getConfig());
  demo = (JSON.parse(readFileSync(file, "utf8")) as TChannelSimulatorFile).telegram ?? [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const channelId = (req.url ?? "").split("/").pop() ?? "";
      POST(
        new Request(`http://127.0.0.1${req.url}`, {
          method: "POST",
          headers,
          body: new Uint8Array(Buffer.concat(chunks)),
        }),
        { params: Promise.resolve({ channelId }) },
      )
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": "application/json" });
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  telegram = await startTelegramBotApi({ port: getConfig().TELEGRAM_STANDIN_PORT });
  graph = await startMetaGraph({ simulator: true, plugins: [createTelegramSimulator(telegram)] });
  expect(loadDemoBots(telegram, file)).toEqual({ bots: 3 });
  // The file says WEB_URL; here the route listens on a port of its own (same path, same secret).
  for (const bot of telegram.bots())
    bot.webhook = { ...bot.webhook!, url: bot.webhook!.url.replace(getConfig().WEB_URL, base) };
});

afterAll(async () => {
  await graph?.close();
  await telegram?.close();
  await new Promise((r) => server?.close(r));
  await ownerDb().conversation.deleteMany({ where: { contactId: { in: contactIds } } });
  await ownerDb().contact.deleteMany({ where: { id: { in: contactIds } } });
});

type TThread = {
  key: string;
  botId: string;
  messages: { id: string; from: string; state: string; text: string | null }[];
};
const simState = async () =>
  (await (await fetch(`${graph.url}/__sim/telegram/state`)).json()) as {
    bots: { id: string; label: string; connected: boolean }[];
    threads: TThread[];
  };

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the simulator's Telegram tab against the seeded demo bots", () => {
  it("serves the tab's script and knows each dealer's bot", async () => {
    const page = (await (await fetch(`${graph.url}/__sim/state`)).json()) as {
      plugins: { name: string }[];
      dealers: { dealer: string }[];
    };
    expect(page.plugins.map((p) => p.name)).toContain("telegram");
    expect((await fetch(`${graph.url}/__sim/telegram.js`)).status).toBe(200);
    const state = await simState();
    expect(state.bots.map((b) => b.label).sort()).toEqual(demo.map((d) => d.dealerName).sort());
    expect(state.bots.every((b) => b.connected)).toBe(true);
  });

  it("a customer's text and voice note reach the dealer's inbox; the agent's reply shows in the tab", async () => {
    const bot = demo[0]!;
    const send = async (fields: Record<string, string>, file?: Blob) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ botId: bot.botId, name, ...fields })) form.set(k, v);
      if (file) form.set("file", file, "voice.webm");
      return fetch(`${graph.url}/__sim/telegram/send`, { method: "POST", body: form });
    };
    const thread = () => simState().then((s) => s.threads.find((t) => t.botId === bot.botId));
    const delivered = (n: number) =>
      until(thread, (t) => (t?.messages ?? []).filter((m) => m.state === "delivered").length === n);
    expect((await send({ kind: "text", text: "Hebben jullie de ID.4 nog?" })).status).toBe(202);
    await delivered(1);
    expect((await send({ kind: "voice" }, new Blob([chromeWebmOpus()], { type: "audio/webm" }))).status).toBe(202);
    const settled = await delivered(2);
    expect(settled!.messages.map((m) => [m.from, m.state])).toEqual([
      ["customer", "delivered"],
      ["customer", "delivered"],
    ]);

    const contact = await ownerDb().contact.findFirstOrThrow({ where: { name } });
    contactIds.push(contact.id);
    const conversation = await ownerDb().conversation.findFirstOrThrow({
      where: { contactId: contact.id },
      include: { messages: { orderBy: { seq: "asc" } } },
    });
    expect(conversation).toMatchObject({ channelId: bot.channelId, dealerId: bot.dealerId });
    expect(conversation.messages.map((m) => m.body)).toEqual(["Hebben jullie de ID.4 nog?", "Voice note"]);
    // The voice note arrives as OGG/Opus (the simulator repackages the browser's WebM) and is stored.
    const voice = conversation.messages[1]!;
    expect(
      await fetchInboundMedia({ customerId: voice.customerId, messageId: voice.id, attempt: 1, maxAttempts: 1 }),
    ).toBe("stored");
    const attachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: voice.id } });
    expect(attachment.mimeType).toBe("audio/ogg");

    // An agent's reply, sent as the composer does, goes out through the delivery driver.
    const { user } = await createTestUser({ customerId: voice.customerId, role: "AGENT" });
    const agent = testMemberPrincipal(user.id, voice.customerId, "AGENT", { name: "Agent" });
    const reply = await sendMessage({
      sender: { agent },
      input: {
        conversationId: conversation.id,
        clientId: `sim-reply-${randomInt(1e9)}`,
        body: "Ja, kom gerust kijken!",
      },
    });
    expect(
      await deliverMessage({ customerId: voice.customerId, messageId: reply.id, attempt: 1, maxAttempts: 1 }),
    ).toBe("sent");
    const withReply = await until(thread, (t) => (t?.messages ?? []).some((m) => m.from === "bot"));
    expect(withReply!.messages.at(-1)).toMatchObject({ from: "bot", text: "Ja, kom gerust kijken!" });
  });
});
