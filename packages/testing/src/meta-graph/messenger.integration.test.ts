import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  fetchMessengerMedia,
  parseMetaWebhook,
  sendMessenger,
  verifyMetaSignature,
  type TMessengerContext,
} from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { JPEG_TINY, PNG_1X1 } from "./fixtures";
import { startMetaGraph, type TMetaGraph } from "./server";
import { startWebhookSink } from "./webhook-sink";

/*
 * The Messenger half of the stand-in over real HTTP, against packages/channels' adapter: the
 * Send API with the page token, the 24-hour window and HUMAN_AGENT's 7 days, attachments fetched
 * from our links, inbound attachments on public CDN links, echoes and watermarks.
 */

let graph: TMetaGraph;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
let clock = Date.now();
const V = "v23.0";
const page = {
  pageId: "110200300400500",
  pageAccessToken: "EAAGpagetoken0000001",
  appSecret: "app-secret-messenger-01",
  pageName: "Northwind Amsterdam",
};
const ctx = (): TMessengerContext => ({
  endpoint: { baseUrl: graph.url, version: V, timeoutMs: 5000 },
  config: { pageId: page.pageId, pageName: page.pageName },
  secrets: { pageAccessToken: page.pageAccessToken, appSecret: page.appSecret, verifyToken: "verify-token-0123456789" },
});
const PSID = "7012345678901234";
type TGraphErrorBody = { error: { code: number; error_subcode?: number; error_data?: unknown } };

beforeAll(async () => {
  sink = await startWebhookSink();
  graph = await startMetaGraph({ port: getConfig().CHANNEL_SIMULATOR_PORT, now: () => clock });
  graph.addMessenger({ ...page, webhookUrl: sink.url });
});
afterAll(async () => {
  await graph.close();
  await sink.close();
});
afterEach(() => {
  graph.reset();
  sink.received.length = 0;
  clock = Date.now();
});

describe("Send API", () => {
  it("accepts the page token as access_token or bearer, on /{page-id}/messages and /me/messages", async () => {
    const body = JSON.stringify({ recipient: { id: PSID }, messaging_type: "RESPONSE", message: { text: "Hi!" } });
    const viaQuery = await fetch(`${graph.url}/${V}/${page.pageId}/messages?access_token=${page.pageAccessToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(viaQuery.status).toBe(200);
    const answer = (await viaQuery.json()) as { recipient_id: string; message_id: string };
    expect(answer.recipient_id).toBe(PSID);
    expect(answer.message_id).toMatch(/^m_/);
    const viaMe = await fetch(`${graph.url}/${V}/me/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${page.pageAccessToken}` },
      body,
    });
    expect(viaMe.status).toBe(200);
    const adapter = await sendMessenger(ctx(), PSID, { kind: "text", text: "From the adapter" });
    expect(graph.sent({ channel: "messenger" }).map((m) => m.text)).toEqual(["Hi!", "Hi!", "From the adapter"]);
    expect(graph.sent().at(-1)!.id).toBe(adapter.externalId);

    const wrong = await fetch(`${graph.url}/${V}/${page.pageId}/messages?access_token=nope`, { method: "POST", body });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as TGraphErrorBody).error.code).toBe(190);
    const missing = await fetch(`${graph.url}/${V}/${page.pageId}/messages?access_token=${page.pageAccessToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messaging_type: "RESPONSE", message: { text: "x" } }),
    });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as TGraphErrorBody).error).toMatchObject({ code: 100 });
  });

  it("refuses past 24 h unless HUMAN_AGENT, and HUMAN_AGENT past 7 days (code 10, subcode 2018278)", async () => {
    await graph.postMessenger({ pageId: page.pageId, psid: PSID, messages: [{ type: "text", text: "Hello?" }] });
    clock += 25 * 3_600_000;
    await expect(sendMessenger(ctx(), PSID, { kind: "text", text: "late" })).rejects.toMatchObject({
      serviceCode: 10,
      failure: { code: "reply_window_closed", retryable: false },
    });
    const tagged = await sendMessenger(
      ctx(),
      PSID,
      { kind: "text", text: "a person answering" },
      { humanAgentTag: true },
    );
    expect(graph.sent().find((m) => m.id === tagged.externalId)?.tag).toBe("HUMAN_AGENT");
    clock += 6 * 24 * 3_600_000;
    const raw = await fetch(`${graph.url}/${V}/${page.pageId}/messages?access_token=${page.pageAccessToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        recipient: { id: PSID },
        messaging_type: "MESSAGE_TAG",
        tag: "HUMAN_AGENT",
        message: { text: "too late" },
      }),
    });
    expect(raw.status).toBe(400);
    expect(((await raw.json()) as TGraphErrorBody).error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("fetches an attachment from our link and keeps it; a link that fails is 'Upload attachment failure'", async () => {
    const url = sink.serveFile("photo.png", PNG_1X1, "image/png");
    const sent = await sendMessenger(ctx(), PSID, {
      kind: "media",
      mediaKind: "image",
      bytes: PNG_1X1,
      mimeType: "image/png",
      fileName: "photo.png",
      url,
      caption: "",
    });
    const record = graph.sent().find((m) => m.id === sent.externalId)!;
    expect(record.type).toBe("image");
    expect(graph.media(record.media!.id)!.bytes.equals(PNG_1X1)).toBe(true);
    await expect(
      sendMessenger(ctx(), PSID, {
        kind: "media",
        mediaKind: "document",
        bytes: PNG_1X1,
        mimeType: "application/pdf",
        fileName: "gone.pdf",
        url: `${sink.base}/files/gone.pdf`,
        caption: "",
      }),
    ).rejects.toMatchObject({ serviceCode: 100, failure: { retryable: false } });
  });
});

describe("webhooks to us", () => {
  it("posts signed object:page entries: a message with an attachment on a public CDN link", async () => {
    const result = await graph.postMessenger({
      pageId: page.pageId,
      psid: PSID,
      messages: [
        { type: "text", text: "Is the Kia still there?" },
        { type: "image", bytes: JPEG_TINY, mimeType: "image/jpeg" },
      ],
    });
    const [webhook] = sink.received;
    expect(verifyMetaSignature(webhook!.raw, webhook!.headers["x-hub-signature-256"] as string, page.appSecret)).toBe(
      true,
    );
    expect(webhook!.json).toMatchObject({
      object: "page",
      entry: [
        {
          id: page.pageId,
          time: expect.any(Number),
          messaging: [
            {
              sender: { id: PSID },
              recipient: { id: page.pageId },
              timestamp: expect.any(Number),
              message: { mid: result.messageIds[0], text: "Is the Kia still there?" },
            },
            {
              message: {
                mid: result.messageIds[1],
                attachments: [{ type: "image", payload: { url: expect.stringContaining("/__cdn/") } }],
              },
            },
          ],
        },
      ],
    });
    const events = parseMetaWebhook(webhook!.json)![0]!.events;
    const media = events[1]?.type === "message" ? events[1].media : null;
    expect(media?.kind).toBe("image");
    const download = await fetchMessengerMedia(
      { baseUrl: graph.url, version: V, timeoutMs: 5000 },
      media!.ref,
      1 << 20,
    );
    expect(Buffer.from(download.bytes).equals(JPEG_TINY)).toBe(true);
    expect((await fetch(media!.ref.replace(/oh=[^&]+/, "oh=forged"))).status).toBe(403);
  });

  it("answers the User Profile API with the person's name (webhooks carry none)", async () => {
    await graph.postMessenger({
      pageId: page.pageId,
      psid: PSID,
      name: "Daan de Jong",
      messages: [{ type: "text", text: "Hoi" }],
    });
    const profile = await fetch(
      `${graph.url}/${V}/${PSID}?fields=first_name,last_name&access_token=${page.pageAccessToken}`,
    );
    expect(await profile.json()).toEqual({ id: PSID, first_name: "Daan", last_name: "de Jong" });
    expect((await fetch(`${graph.url}/${V}/${PSID}?fields=first_name&access_token=nope`)).status).toBe(401);
  });

  it("in auto mode echoes our send (which the adapter skips) and posts a delivery watermark; read on request", async () => {
    const auto = await startMetaGraph({ autoStatuses: true, autoStatusDelayMs: 20 });
    try {
      auto.addMessenger({ ...page, webhookUrl: sink.url });
      const response = await fetch(`${auto.url}/${V}/me/messages?access_token=${page.pageAccessToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ recipient: { id: PSID }, messaging_type: "RESPONSE", message: { text: "Echo me" } }),
      });
      const { message_id } = (await response.json()) as { message_id: string };
      await sink.waitFor(2);
      const [echo, delivery] = sink.received.map(
        (w) => (w.json as { entry: { messaging: Record<string, unknown>[] }[] }).entry[0]!.messaging[0]!,
      );
      expect(echo).toMatchObject({
        sender: { id: page.pageId },
        recipient: { id: PSID },
        message: { mid: message_id, is_echo: true, text: "Echo me" },
      });
      expect(delivery).toMatchObject({
        sender: { id: PSID },
        delivery: { mids: [message_id], watermark: expect.any(Number) },
      });
      expect(parseMetaWebhook(sink.received[0]!.json)![0]!.events).toEqual([]);
      expect(parseMetaWebhook(sink.received[1]!.json)![0]!.events[0]).toMatchObject({
        type: "watermark",
        status: "DELIVERED",
      });
      await auto.postMessengerReceipt({ pageId: page.pageId, psid: PSID, kind: "read" });
      expect(parseMetaWebhook(sink.received[2]!.json)![0]!.events[0]).toMatchObject({
        type: "watermark",
        status: "READ",
      });
      expect(auto.sent()[0]!.status).toBe("read");
    } finally {
      await auto.close();
    }
  });
});
