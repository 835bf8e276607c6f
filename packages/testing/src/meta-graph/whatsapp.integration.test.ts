import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ChannelSendError,
  fetchWhatsAppMedia,
  listWhatsAppTemplates,
  parseMetaWebhook,
  sendWhatsApp,
  verifyMetaSignature,
  type TWhatsAppContext,
} from "@forecourt/channels";
import { getConfig } from "@forecourt/config";
import { JPEG_TINY, OGG_OPUS_VOICE, PDF_TINY } from "./fixtures";
import { startMetaGraph, type TMetaGraph } from "./server";
import { startWebhookSink } from "./webhook-sink";

/*
 * The WhatsApp half of the Meta Graph stand-in over real HTTP, driven both raw (fetch) and through
 * packages/channels' own adapter, so the two are checked against each other: the adapter cannot
 * tell the stand-in from Meta, and the stand-in's webhooks parse and verify as Meta's do.
 */

let graph: TMetaGraph;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
let clock = Date.now();
const V = "v23.0";
const account = {
  phoneNumberId: "106540352242922",
  wabaId: "102290129340398",
  accessToken: "EAAGtestwhatsapptoken0001",
  appSecret: "app-secret-whatsapp-0001",
  displayPhoneNumber: "+31 20 555 0101",
  label: "Northwind Amsterdam",
};
const other = {
  ...account,
  phoneNumberId: "106540352242999",
  wabaId: "102290129340999",
  accessToken: "EAAGothertoken000002",
};

const ctx = (timeoutMs = 5000): TWhatsAppContext => ({
  endpoint: { baseUrl: graph.url, version: V, timeoutMs },
  config: {
    phoneNumberId: account.phoneNumberId,
    wabaId: account.wabaId,
    displayPhoneNumber: account.displayPhoneNumber,
  },
  secrets: { accessToken: account.accessToken, appSecret: account.appSecret, verifyToken: "verify-token-0123456789" },
});

const send = (body: unknown, token: string | null = account.accessToken, phone = account.phoneNumberId) =>
  fetch(`${graph.url}/${V}/${phone}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const text = (to: string, body: string) => ({ messaging_product: "whatsapp", to, type: "text", text: { body } });
type TGraphErrorBody = {
  error: { code: number; error_subcode?: number; type: string; fbtrace_id: string; error_data?: { details: string } };
};

beforeAll(async () => {
  sink = await startWebhookSink();
  graph = await startMetaGraph({ port: getConfig().CHANNEL_SIMULATOR_PORT, now: () => clock });
  graph.addWhatsApp({ ...account, webhookUrl: sink.url });
  graph.addWhatsApp({ ...other, webhookUrl: sink.url });
});
afterAll(async () => {
  await graph.close();
  await sink.close();
});
afterEach(() => {
  graph.reset();
  sink.received.length = 0;
  sink.answer(200);
  clock = Date.now();
});

describe("sending (POST /{phone-number-id}/messages)", () => {
  it("listens where the tests' config says and accepts a text as Meta answers it", async () => {
    expect(graph.url).toBe(getConfig().META_GRAPH_URL);
    const response = await send(text("+31 6 1234 5678", "Your car is ready"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      messaging_product: string;
      contacts: unknown[];
      messages: { id: string }[];
    };
    expect(body.messaging_product).toBe("whatsapp");
    expect(body.contacts).toEqual([{ input: "+31 6 1234 5678", wa_id: "31612345678" }]);
    expect(body.messages[0]!.id).toMatch(/^wamid\./);
    const [sent] = graph.sent();
    expect(sent).toMatchObject({
      id: body.messages[0]!.id,
      to: "31612345678",
      type: "text",
      text: "Your car is ready",
    });
    const logged = (await (await fetch(`${graph.url}/__control/sent?to=31612345678`)).json()) as { data: unknown[] };
    expect(logged.data).toHaveLength(1);
  });

  it("enforces the bearer token: none, wrong or another number's → 401, code 190", async () => {
    for (const token of [null, "EAAGwrong", other.accessToken]) {
      const response = await send(text("31612345678", "hi"), token);
      expect(response.status).toBe(401);
      const body = (await response.json()) as TGraphErrorBody;
      expect(body.error).toMatchObject({ code: 190, type: "OAuthException" });
      expect(body.error.fbtrace_id).toBeTruthy();
    }
    expect(graph.sent()).toHaveLength(0);
  });

  it("validates like Meta: code 100 for missing fields, an unknown type, a BSUID in `to`", async () => {
    const cases: [unknown, RegExp][] = [
      [{ to: "31612345678", type: "text", text: { body: "x" } }, /messaging_product is required/],
      [{ messaging_product: "whatsapp", type: "text", text: { body: "x" } }, /parameter to is required/],
      [{ messaging_product: "whatsapp", to: "31612345678", type: "text", text: {} }, /text\['body'\] is required/],
      [{ messaging_product: "whatsapp", to: "31612345678", type: "fax" }, /Param type must be one of/],
      [
        { messaging_product: "whatsapp", to: "31612345678", type: "image", image: { id: "999" } },
        /not a valid whatsapp business account media/,
      ],
      [
        { messaging_product: "whatsapp", to: "NL.13491208655302741918", type: "text", text: { body: "x" } },
        /Invalid parameter/,
      ],
    ];
    for (const [body, message] of cases) {
      const response = await send(body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as TGraphErrorBody & { error: { message: string } }).error;
      expect(error.code).toBe(100);
      expect(`${error.message} ${error.error_data?.details ?? ""}`).toMatch(message);
    }
    expect(graph.sent()).toHaveLength(0);
  });

  it("sends to a BSUID through `recipient` and answers with user_id", async () => {
    const response = await send({
      messaging_product: "whatsapp",
      recipient: "NL.13491208655302741918",
      type: "text",
      text: { body: "Hoi" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { contacts: unknown[] };
    expect(body.contacts).toEqual([{ input: "NL.13491208655302741918", user_id: "NL.13491208655302741918" }]);
  });

  it("uploads media for the adapter's media sends; refuses audio that is not OGG/Opus with 131053", async () => {
    const voice = await sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      {
        kind: "media",
        mediaKind: "audio",
        bytes: OGG_OPUS_VOICE,
        mimeType: "audio/ogg; codecs=opus",
        fileName: "voice.ogg",
        url: "",
        caption: "",
      },
    );
    const sent = graph.sent()[0]!;
    expect(sent.id).toBe(voice.externalId);
    expect(sent.type).toBe("audio");
    expect(graph.media(sent.media!.id)!.bytes.equals(OGG_OPUS_VOICE)).toBe(true);

    const notOpus = sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      {
        kind: "media",
        mediaKind: "audio",
        bytes: JPEG_TINY,
        mimeType: "audio/ogg",
        fileName: "x.ogg",
        url: "",
        caption: "",
      },
    );
    await expect(notOpus).rejects.toMatchObject({ failure: { code: "media_upload_failed", retryable: false } });
    const opusType = sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      {
        kind: "media",
        mediaKind: "audio",
        bytes: OGG_OPUS_VOICE,
        mimeType: "audio/opus",
        fileName: "x.opus",
        url: "",
        caption: "",
      },
    );
    await expect(opusType).rejects.toMatchObject({ serviceCode: 131053 });
    expect(graph.sent()).toHaveLength(1);
  });

  it("lists the WABA's dealer templates (en, nl, de, one pending) and checks template sends", async () => {
    const templates = await listWhatsAppTemplates(ctx());
    expect(templates.map((t) => `${t.name}/${t.language}`)).toEqual(
      expect.arrayContaining([
        "service_reminder/en",
        "service_reminder/nl",
        "service_reminder/de",
        "appointment_confirmation/nl",
        "follow_up/en",
      ]),
    );
    expect(templates.some((t) => t.status === "PENDING")).toBe(true);
    expect(templates.find((t) => t.name === "service_reminder" && t.language === "en")).toMatchObject({
      variableCount: 3,
    });
    // Paging works as Meta's does (limit + after cursor).
    const first = (await (
      await fetch(`${graph.url}/${V}/${account.wabaId}/message_templates?limit=2&access_token=${account.accessToken}`)
    ).json()) as {
      data: unknown[];
      paging: { next?: string };
    };
    expect(first.data).toHaveLength(2);
    expect(first.paging.next).toContain("after=");

    const ok = await sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "template", name: "service_reminder", language: "en", variables: ["Sophie", "Volvo XC40", "12 March"] },
    );
    expect(graph.sent().find((m) => m.id === ok.externalId)?.text).toBe(
      "Hi Sophie, your Volvo XC40 is due for its service on 12 March. Reply to this message to book a time that suits you.",
    );
    const wrongCount = sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "template", name: "service_reminder", language: "en", variables: ["Sophie"] },
    );
    await expect(wrongCount).rejects.toMatchObject({ serviceCode: 132000, failure: { retryable: false } });
    const pending = sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "template", name: "follow_up", language: "de", variables: ["Jonas"] },
    );
    await expect(pending).rejects.toMatchObject({ serviceCode: 132001 });
  });
});

describe("the 24-hour window", () => {
  it("refuses free text 24 h after the customer's last message with 131047, allows a template", async () => {
    await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      from: "31612345678",
      name: "Sophie",
      messages: [{ type: "text", text: "Hi" }],
    });
    expect((await send(text("31612345678", "within the window"))).status).toBe(200);
    clock += 24 * 3_600_000 + 1000;
    const refused = await send(text("31612345678", "too late"));
    expect(refused.status).toBe(400);
    const error = ((await refused.json()) as TGraphErrorBody & { error: { message: string } }).error;
    expect(error.code).toBe(131047);
    expect(error.message).toContain("Re-engagement message");
    const adapter = sendWhatsApp(ctx(), { phone: "31612345678", bsuid: null }, { kind: "text", text: "too late" });
    await expect(adapter).rejects.toMatchObject({ failure: { code: "reply_window_closed", retryable: false } });
    const template = await sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "template", name: "follow_up", language: "en", variables: ["Sophie"] },
    );
    expect(template.externalId).toMatch(/^wamid\./);
  });

  it("can be set directly, and reported later as a failed status (windowErrors: status)", async () => {
    const late = await startMetaGraph({ windowErrors: "status", autoStatusDelayMs: 10 });
    try {
      late.addWhatsApp({ ...account, webhookUrl: sink.url });
      late.setLastInbound({
        channel: "whatsapp",
        accountId: account.phoneNumberId,
        customer: "31612345678",
        at: new Date(Date.now() - 30 * 3_600_000),
      });
      const response = await fetch(`${late.url}/${V}/${account.phoneNumberId}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(text("31612345678", "late")),
      });
      expect(response.status).toBe(200);
      const [webhook] = await sink.waitFor(1);
      const [routed] = parseMetaWebhook(webhook!.json)!;
      expect(routed!.events).toEqual([
        expect.objectContaining({
          type: "status",
          status: "FAILED",
          error: expect.objectContaining({ code: "reply_window_closed" }),
        }),
      ]);
    } finally {
      await late.close();
    }
  });
});

describe("webhooks to us", () => {
  it("signs every POST over the raw bytes with the app secret, in Meta's envelope", async () => {
    const result = await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      from: "31612345678",
      bsuid: "NL.13491208655302741918",
      name: "Sophie Bakker",
      messages: [{ type: "text", text: "Is the XC40 still available?" }],
    });
    expect(result.status).toBe(200);
    const [webhook] = sink.received;
    expect(webhook!.headers["x-hub-signature-256"]).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(
      verifyMetaSignature(webhook!.raw, webhook!.headers["x-hub-signature-256"] as string, account.appSecret),
    ).toBe(true);
    expect(verifyMetaSignature(webhook!.raw, webhook!.headers["x-hub-signature-256"] as string, "another-secret")).toBe(
      false,
    );
    expect(webhook!.json).toMatchObject({
      object: "whatsapp_business_account",
      entry: [
        {
          id: account.wabaId,
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "31205550101", phone_number_id: account.phoneNumberId },
                contacts: [
                  { profile: { name: "Sophie Bakker" }, wa_id: "31612345678", user_id: "NL.13491208655302741918" },
                ],
                messages: [
                  {
                    from: "31612345678",
                    from_user_id: "NL.13491208655302741918",
                    id: result.messageIds[0],
                    timestamp: expect.stringMatching(/^\d{10}$/),
                    type: "text",
                    text: { body: "Is the XC40 still available?" },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
  });

  it("builds every inbound type so the adapter reads it, and batches 3 messages in 2 changes", async () => {
    const result = await graph.postWhatsAppBatch([
      {
        phoneNumberId: account.phoneNumberId,
        from: "31612345678",
        name: "Sophie",
        messages: [
          { type: "image", bytes: JPEG_TINY, mimeType: "image/jpeg", caption: "the scratch" },
          { type: "audio", bytes: OGG_OPUS_VOICE, voice: true },
        ],
      },
      {
        phoneNumberId: account.phoneNumberId,
        from: "31687654321",
        name: "Daan",
        messages: [{ type: "document", bytes: PDF_TINY, mimeType: "application/pdf", fileName: "invoice.pdf" }],
      },
    ]);
    const body = sink.received[0]!.json as { entry: { changes: unknown[] }[] };
    expect(body.entry).toHaveLength(1);
    expect(body.entry[0]!.changes).toHaveLength(2);
    const [routed] = parseMetaWebhook(body)!;
    expect(routed!.routeKey).toBe(`whatsapp:${account.phoneNumberId}`);
    expect(routed!.events.map((e) => (e.type === "message" ? [e.externalId, e.media?.kind, e.text] : null))).toEqual([
      [result.messageIds[0], "image", "the scratch"],
      [result.messageIds[1], "voice", ""],
      [result.messageIds[2], "document", ""],
    ]);

    sink.received.length = 0;
    await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      from: "31612345678",
      name: "Sophie",
      messages: [
        { type: "location", latitude: 52.3412, longitude: 4.8896, name: "RAI Amsterdam" },
        { type: "contacts", contacts: [{ name: "Jan de Vries", phones: ["+31 6 1111 2222"] }] },
        { type: "interactive", reply: { kind: "button", id: "book", title: "Book a service" } },
        { type: "reaction", messageId: "wamid.abc", emoji: "👍" },
        { type: "unsupported" },
      ],
    });
    const events = parseMetaWebhook(sink.received[0]!.json)![0]!.events;
    expect(events.map((e) => (e.type === "message" ? e.content?.type : null))).toEqual([
      "location",
      "contacts",
      "reply",
      "reaction",
      "unsupported",
    ]);
  });

  it("can put each change in its own entry, post a BSUID-only contact, and redeliver byte for byte", async () => {
    await graph.postWhatsAppBatch(
      [
        {
          phoneNumberId: account.phoneNumberId,
          from: "31611111111",
          name: "A",
          messages: [{ type: "text", text: "1" }],
        },
        { phoneNumberId: other.phoneNumberId, from: "31622222222", name: "B", messages: [{ type: "text", text: "2" }] },
      ],
      { layout: "entries" },
    );
    expect((sink.received[0]!.json as { entry: unknown[] }).entry).toHaveLength(2);

    const bsuidOnly = await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      bsuid: "NL.99990000111122223333",
      username: "@sophie",
      name: "Sophie",
      messages: [{ type: "text", text: "no number" }],
    });
    const value = (
      bsuidOnly.payload as { entry: { changes: { value: { contacts: object[]; messages: object[] } }[] }[] }
    ).entry[0]!.changes[0]!.value;
    expect(value.contacts[0]).toEqual({
      profile: { name: "Sophie", username: "@sophie" },
      user_id: "NL.99990000111122223333",
    });
    expect(value.messages[0]).not.toHaveProperty("from");
    expect(value.messages[0]).toHaveProperty("from_user_id", "NL.99990000111122223333");

    const again = await graph.redeliver();
    expect(again.status).toBe(200);
    const [original, copy] = sink.received.slice(-2);
    expect(copy!.raw.equals(original!.raw)).toBe(true);
    expect(copy!.headers["x-hub-signature-256"]).toBe(original!.headers["x-hub-signature-256"]);
    expect(graph.webhooks()).toHaveLength(3);
  });

  it("posts statuses for sent messages in the order asked (read before delivered) and with errors", async () => {
    const { externalId } = await sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "text", text: "Hello" },
    );
    await graph.postStatuses([
      { id: externalId, status: "read" },
      { id: externalId, status: "delivered" },
    ]);
    await graph.postStatus({ id: externalId, status: "failed", errors: [{ code: 131026 }] });
    const statuses = sink.received.map((w) => parseMetaWebhook(w.json)![0]!.events[0]);
    expect(statuses.map((s) => s?.type === "status" && s.status)).toEqual(["READ", "DELIVERED", "FAILED"]);
    const raw = (sink.received[0]!.json as { entry: { changes: { value: { statuses: object[] } }[] }[] }).entry[0]!
      .changes[0]!.value.statuses[0];
    expect(raw).toMatchObject({
      id: externalId,
      status: "read",
      recipient_id: "31612345678",
      timestamp: expect.stringMatching(/^\d+$/),
    });
    expect(graph.sent()[0]!.status).toBe("read");
  });

  it("in auto mode posts sent, then delivered, after accepting a send", async () => {
    const auto = await startMetaGraph({ autoStatuses: true, autoStatusDelayMs: 20 });
    try {
      auto.addWhatsApp({ ...account, webhookUrl: sink.url });
      await fetch(`${auto.url}/${V}/${account.phoneNumberId}/messages`, {
        method: "POST",
        headers: { authorization: `Bearer ${account.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(text("31612345678", "auto")),
      });
      await sink.waitFor(2);
      const statuses = sink.received.map((w) => parseMetaWebhook(w.json)![0]!.events[0]);
      expect(statuses.map((s) => s?.type === "status" && s.status)).toEqual(["SENT", "DELIVERED"]);
    } finally {
      await auto.close();
    }
  });
});

describe("media (GET /{media-id} and its URL)", () => {
  it("serves an inbound file to the adapter with the bearer token; 401 without, 404 once expired", async () => {
    const { mediaIds } = await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      from: "31612345678",
      name: "Sophie",
      messages: [{ type: "image", bytes: JPEG_TINY, mimeType: "image/jpeg" }],
    });
    const download = await fetchWhatsAppMedia(ctx(), mediaIds[0]!, 1 << 20);
    expect(Buffer.from(download.bytes).equals(JPEG_TINY)).toBe(true);
    expect(download.mimeType).toBe("image/jpeg");

    const info = (await (
      await fetch(`${graph.url}/${V}/${mediaIds[0]}`, { headers: { authorization: `Bearer ${account.accessToken}` } })
    ).json()) as {
      url: string;
      sha256: string;
      file_size: number;
      messaging_product: string;
    };
    expect(info).toMatchObject({
      messaging_product: "whatsapp",
      file_size: JPEG_TINY.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await fetch(info.url)).status).toBe(401);
    expect((await fetch(info.url, { headers: { authorization: `Bearer ${other.accessToken}` } })).status).toBe(401);
    expect(
      (await fetch(`${graph.url}/${V}/${mediaIds[0]}`, { headers: { authorization: `Bearer ${other.accessToken}` } }))
        .status,
    ).toBe(400);
    clock += 5 * 60_000 + 1;
    expect((await fetch(info.url, { headers: { authorization: `Bearer ${account.accessToken}` } })).status).toBe(404);
  });
});

describe("failure injection", () => {
  it("answers the next sends with 500, 429 or a Graph code, then normally again", async () => {
    graph.failNext({ kind: "server_error" });
    graph.failNext({ kind: "rate_limit" });
    graph.failNext({ kind: "graph_error", code: 131053 });
    const recipient = { phone: "31612345678", bsuid: null };
    const message = { kind: "text" as const, text: "retry me" };
    await expect(sendWhatsApp(ctx(), recipient, message)).rejects.toMatchObject({
      failure: { code: "service_error", retryable: true },
    });
    await expect(sendWhatsApp(ctx(), recipient, message)).rejects.toMatchObject({
      serviceCode: 130429,
      failure: { retryable: true },
    });
    await expect(sendWhatsApp(ctx(), recipient, message)).rejects.toMatchObject({
      serviceCode: 131053,
      failure: { retryable: false },
    });
    await sendWhatsApp(ctx(), recipient, message);
    expect(graph.sent()).toHaveLength(1);
  });

  it("hangs past the caller's time-out without recording the send; failures can be set over HTTP", async () => {
    const set = await fetch(`${graph.url}/__control/fail`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failure: { kind: "hang", ms: 600 }, times: 1 }),
    });
    expect(set.status).toBe(200);
    const hung = sendWhatsApp(ctx(200), { phone: "31612345678", bsuid: null }, { kind: "text", text: "slow" });
    await expect(hung).rejects.toBeInstanceOf(ChannelSendError);
    await expect(hung).rejects.toMatchObject({ failure: { code: "timeout", retryable: true } });
    await new Promise((r) => setTimeout(r, 700));
    expect(graph.sent()).toHaveLength(0);

    graph.failNext({ kind: "server_error" }, { on: "media" });
    const { mediaIds } = await graph.postWhatsAppInbound({
      phoneNumberId: account.phoneNumberId,
      from: "31612345678",
      name: "Sophie",
      messages: [{ type: "image", bytes: JPEG_TINY, mimeType: "image/jpeg" }],
    });
    await expect(fetchWhatsAppMedia(ctx(), mediaIds[0]!, 1 << 20)).rejects.toMatchObject({
      failure: { retryable: true },
    });
    expect((await fetchWhatsAppMedia(ctx(), mediaIds[0]!, 1 << 20)).bytes.length).toBe(JPEG_TINY.length);
  });

  it("accepts then reports a failure later (status_failure), like most of Meta's delivery errors", async () => {
    graph.failNext({ kind: "status_failure", code: 131026 });
    const { externalId } = await sendWhatsApp(
      ctx(),
      { phone: "31612345678", bsuid: null },
      { kind: "text", text: "x" },
    );
    await sink.waitFor(1);
    const event = parseMetaWebhook(sink.received[0]!.json)![0]!.events[0];
    expect(event).toMatchObject({ type: "status", externalId, status: "FAILED" });
  });
});
