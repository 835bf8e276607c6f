import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { channelSimulatorFilePath, type TChannelSimulatorFile } from "@forecourt/db/channel-simulator-file";
import { ownerDb } from "@forecourt/testing";
import { startMetaGraph, type TMetaGraph } from "@forecourt/testing/meta-graph";
import { loadDemoAccounts } from "@forecourt/testing/meta-graph/demo-file";
import { chromeWebmOpus } from "@forecourt/testing/meta-graph/fixtures";
import { GET, POST } from "./route";

/*
 * The demo as the start command wires it: the seeded dealers' WhatsApp and Messenger channels,
 * the channel simulator loaded from the seed's file, and this callback route behind real HTTP.
 * A customer writing in the simulator lands in the dealer's inbox; the seed's secrets, routes
 * and verify tokens are the ones the simulator signs and handshakes with.
 */

let graph: TMetaGraph;
let server: Server;
let demo: TChannelSimulatorFile;
const runId = randomInt(1_000_000, 9_999_999);
const names = { whatsapp: `Sim WhatsApp ${runId}`, messenger: `Sim Messenger ${runId}` };
const contactIds: string[] = [];

/** The route module behind node:http, as Next.js serves it. */
function routeServer() {
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = `http://127.0.0.1${req.url ?? "/"}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request =
        req.method === "POST"
          ? new Request(url, { method: "POST", headers, body: new Uint8Array(Buffer.concat(chunks)) })
          : new Request(url, { headers });
      (req.method === "POST" ? POST(request) : GET(request))
        .then(async (response) => {
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch((error: unknown) => res.writeHead(500).end(String(error)));
    });
  });
}

beforeAll(async () => {
  const file = channelSimulatorFilePath(getConfig());
  demo = JSON.parse(readFileSync(file, "utf8")) as TChannelSimulatorFile;
  server = routeServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hooks/meta`;
  graph = await startMetaGraph({ port: getConfig().CHANNEL_SIMULATOR_PORT, simulator: true, autoStatuses: true });
  expect(loadDemoAccounts(graph, file)).toEqual({ dealers: 3 });
  // The file says WEB_URL; here the route listens on a port of its own.
  for (const a of graph.accounts().whatsapp) graph.addWhatsApp({ ...a, webhookUrl: hookUrl });
  for (const p of graph.accounts().messenger) graph.addMessenger({ ...p, webhookUrl: hookUrl });
});

afterAll(async () => {
  await graph?.close();
  await new Promise((r) => server?.close(r));
  // The demo tenants stay as the seed left them.
  await ownerDb().conversation.deleteMany({ where: { contactId: { in: contactIds } } });
  await ownerDb().contact.deleteMany({ where: { id: { in: contactIds } } });
});

const simState = async () =>
  (await (await fetch(`${graph.url}/__sim/state`)).json()) as {
    threads: { key: string; channel: string; messages: { id: string; state: string; error: string | null }[] }[];
  };

async function simSend(fields: Record<string, string>, file?: { bytes: Uint8Array; type: string; name: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("file", new Blob([Buffer.from(file.bytes)], { type: file.type }), file.name);
  const response = await fetch(`${graph.url}/__sim/send`, { method: "POST", body: form });
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  const deadline = Date.now() + 10_000;
  for (;;) {
    const message = (await simState()).threads.flatMap((t) => t.messages).find((m) => m.id === id);
    if (message && message.state !== "pending") return message;
    if (Date.now() > deadline) throw new Error("the simulator's message never settled");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the channel simulator against the seeded demo channels and the real callback route", () => {
  it("completes Meta's handshake with each seeded verify token", async () => {
    for (const d of demo.dealers) {
      for (const token of [d.whatsapp.verifyToken, d.messenger.verifyToken]) {
        const response = await GET(
          new Request(
            `http://localhost/api/hooks/meta?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=4242`,
          ),
        );
        expect(response.status).toBe(200);
        expect(await response.text()).toBe("4242");
      }
    }
  });

  it("a customer's WhatsApp text and voice note land in the dealer's inbox; the voice note downloads as OGG", async () => {
    const amsterdam = demo.dealers.find((d) => d.dealerName === "Northwind Amsterdam")!;
    const phone = `3169${runId}`;
    const base = { channel: "whatsapp", accountId: amsterdam.whatsapp.phoneNumberId, name: names.whatsapp, phone };
    const text = await simSend({ ...base, kind: "text", text: `Is the EX30 available? ${runId}` });
    expect(text).toMatchObject({ state: "delivered", error: null });
    const voice = await simSend(
      { ...base, kind: "voice" },
      { bytes: chromeWebmOpus(), type: "audio/webm;codecs=opus", name: "voice-note.webm" },
    );
    expect(voice.state).toBe("delivered");

    const rows = await ownerDb().message.findMany({
      where: { externalId: { in: [text.id, voice.id] } },
      include: { conversation: true },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => [r.body, r.conversation.channelId, r.authorType])).toEqual([
      [`Is the EX30 available? ${runId}`, amsterdam.whatsapp.channelId, "CONTACT"],
      [expect.any(String), amsterdam.whatsapp.channelId, "CONTACT"],
    ]);
    contactIds.push(rows[0]!.conversation.contactId);
    const voiceRow = rows[1]!;
    expect(voiceRow.data).toMatchObject({ type: "media", mediaKind: "voice", state: "pending" });
    await expect(
      fetchInboundMedia({ customerId: voiceRow.customerId, messageId: voiceRow.id, attempt: 1, maxAttempts: 1 }),
    ).resolves.toBe("stored");
    const attachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: voiceRow.id } });
    expect(attachment.mimeType).toBe("audio/ogg");
  });

  it("a customer's Messenger message lands in the dealer's inbox on the Messenger channel", async () => {
    const utrecht = demo.dealers.find((d) => d.dealerName === "Van der Meer Auto Utrecht")!;
    const sent = await simSend({
      channel: "messenger",
      accountId: utrecht.messenger.pageId,
      name: names.messenger,
      kind: "text",
      text: `Opening hours? ${runId}`,
    });
    expect(sent.state).toBe("delivered");
    const row = await ownerDb().message.findFirstOrThrow({
      where: { externalId: sent.id },
      include: { conversation: { include: { contact: true } } },
    });
    expect(row.conversation.channelId).toBe(utrecht.messenger.channelId);
    expect(row.conversation.dealerId).toBe(utrecht.dealerId);
    // Messenger webhooks carry no name (Meta's profile API would); the person is known by the PSID.
    const identity = await ownerDb().contactIdentity.findFirst({ where: { contactId: row.conversation.contactId } });
    expect(identity?.channelType).toBe("MESSENGER");
    contactIds.push(row.conversation.contactId);
  });
});
