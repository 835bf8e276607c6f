import {
  ChannelSendError,
  fetchTelegramMedia,
  getTelegramMe,
  parseTelegramUpdate,
  sendTelegram,
  setTelegramWebhook,
  deleteTelegramWebhook,
  botFileDownload,
  type TTelegramContext,
} from "@forecourt/channels";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookSink } from "../meta-graph/webhook-sink";
import { startTelegramBotApi, type TTelegramBotApi } from "./server";

/*
 * The stand-in over HTTP against the packages/channels adapter: tokens, setWebhook with the
 * secret token, every inbound kind, sends (text, photo, voice note, document), getFile and the
 * bounded download, every failure switch, redelivery.
 */

const TOKEN = "7100000001:AAH_stand-in-token-for-tests-0123456789";
const SECRET = "s3cret_webhook-token_0123456789abcdefABCDEF";
const customer = { id: 555000111, firstName: "Sanne", lastName: "de Vries", username: "sanne" };
const OGG = Buffer.concat([Buffer.from("OggS"), Buffer.alloc(60, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);

let api: TTelegramBotApi;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
let ctx: TTelegramContext;

beforeAll(async () => {
  api = await startTelegramBotApi();
  sink = await startWebhookSink();
  api.addBot({ token: TOKEN, username: "garage_test_bot", firstName: "Garage" });
  ctx = {
    endpoint: { baseUrl: api.url, timeoutMs: 2000 },
    config: { botId: "7100000001", botUsername: "garage_test_bot" },
    secrets: { botToken: TOKEN, webhookSecret: SECRET },
  };
  await setTelegramWebhook(ctx.endpoint, TOKEN, { url: sink.url, secretToken: SECRET });
});

afterAll(async () => {
  await api.close();
  await sink.close();
});

beforeEach(() => {
  api.reset();
  sink.received.length = 0;
});

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelSendError);
  return error as ChannelSendError;
};

describe("connecting", () => {
  it("getMe names the bot of a token; a wrong token is 401 token_invalid", async () => {
    expect(await getTelegramMe(ctx.endpoint, TOKEN)).toEqual({
      id: "7100000001",
      username: "garage_test_bot",
      firstName: "Garage",
    });
    const error = await failureOf(getTelegramMe(ctx.endpoint, "7100000001:AAH_wrong-token-wrong-token-wrong-token"));
    expect(error.failure).toMatchObject({ code: "token_invalid", retryable: false });
  });

  it("setWebhook keeps the url, secret and allowed updates; deleteWebhook forgets them", async () => {
    expect(api.bot("7100000001")!.webhook).toEqual({
      url: sink.url,
      secretToken: SECRET,
      allowedUpdates: ["message", "edited_message", "my_chat_member"],
    });
    await deleteTelegramWebhook(ctx.endpoint, TOKEN);
    expect(api.bot("7100000001")!.webhook).toBeNull();
    await setTelegramWebhook(ctx.endpoint, TOKEN, { url: sink.url, secretToken: SECRET });
  });

  it("refuses a secret token with characters Telegram does not allow", async () => {
    const error = await failureOf(
      setTelegramWebhook(ctx.endpoint, TOKEN, { url: sink.url, secretToken: "no spaces allowed" }),
    );
    expect(error.failure.code).toBe("rejected");
  });
});

describe("inbound updates", () => {
  it("posts each update with the secret token header, parsed into the normalised message", async () => {
    const text = await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "text", text: "Is de Golf nog te koop?" },
    });
    expect(text.status).toBe(200);
    const [received] = sink.received;
    expect(received!.headers["x-telegram-bot-api-secret-token"]).toBe(SECRET);
    const parsed = parseTelegramUpdate("7100000001", received!.json);
    expect(parsed).toMatchObject({
      updateId: text.updateId,
      membership: null,
      message: {
        externalId: `7100000001:${customer.id}:${text.messageId}`,
        identities: [{ kind: "tg_user", value: String(customer.id) }],
        profileName: "Sanne de Vries",
        text: "Is de Golf nog te koop?",
        content: null,
        media: null,
      },
    });
  });

  it("photos (largest size), voice notes, documents, locations, contacts and edits", async () => {
    const photo = await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "photo", bytes: JPEG, caption: "Krasje" },
    });
    await api.postInbound({ botId: "7100000001", user: customer, message: { type: "voice", bytes: OGG } });
    await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: {
        type: "document",
        bytes: Buffer.from("%PDF-1.4 x"),
        mimeType: "application/pdf",
        fileName: "offerte.pdf",
      },
    });
    await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "location", latitude: 52.37, longitude: 4.89 },
    });
    await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "contact", phoneNumber: "+31612345678", firstName: "Piet", userId: customer.id },
    });
    const edit = await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "edit", messageId: photo.messageId, text: "Krasje links" },
    });
    const messages = sink.received.map((r) => parseTelegramUpdate("7100000001", r.json)!.message!);
    expect(messages[0]).toMatchObject({
      text: "Krasje",
      media: { ref: photo.fileId, kind: "image", mimeType: "image/jpeg" },
    });
    expect(messages[1]).toMatchObject({
      text: "",
      content: { type: "media", mediaKind: "voice", state: "pending" },
      media: { kind: "voice", mimeType: "audio/ogg" },
    });
    expect(messages[2]).toMatchObject({
      media: { kind: "document", mimeType: "application/pdf", fileName: "offerte.pdf" },
    });
    expect(messages[3]).toMatchObject({ content: { type: "location", latitude: 52.37, longitude: 4.89 } });
    // Sharing one's own contact card tells us the number.
    expect(messages[4]).toMatchObject({
      phone: "31612345678",
      content: { type: "contacts", contacts: [{ name: "Piet", phones: ["+31612345678"] }] },
    });
    expect(messages[5]).toMatchObject({
      externalId: `7100000001:${customer.id}:${photo.messageId}:edit:${edit.updateId}`,
      text: "Krasje links",
      content: { type: "edit", toExternalId: `7100000001:${customer.id}:${photo.messageId}`, toMessageId: null },
    });
  });

  it("a block arrives as my_chat_member; sends then answer 403 blocked", async () => {
    await api.postInbound({ botId: "7100000001", user: customer, message: { type: "text", text: "hoi" } });
    await api.setBlocked({ botId: "7100000001", user: customer, blocked: true });
    const parsed = parseTelegramUpdate("7100000001", sink.received[1]!.json)!;
    expect(parsed.membership).toMatchObject({
      identity: { kind: "tg_user", value: String(customer.id) },
      blocked: true,
    });
    const error = await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "Nog interesse?" }));
    expect(error.failure).toMatchObject({ code: "recipient_blocked", retryable: false });
    await api.setBlocked({ botId: "7100000001", user: customer, blocked: false });
    expect(parseTelegramUpdate("7100000001", sink.received[2]!.json)!.membership!.blocked).toBe(false);
    await sendTelegram(ctx, String(customer.id), { kind: "text", text: "Welkom terug" });
  });

  it("redelivers the same bytes with the same update id and header", async () => {
    await api.postInbound({ botId: "7100000001", user: customer, message: { type: "text", text: "één keer" } });
    await api.redeliver();
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]!.raw.equals(sink.received[0]!.raw)).toBe(true);
    expect(sink.received[1]!.headers["x-telegram-bot-api-secret-token"]).toBe(SECRET);
  });

  it("can post with a wrong or missing secret header (to test our refusal)", async () => {
    await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "text", text: "a" },
      secretToken: null,
    });
    await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "text", text: "b" },
      secretToken: "wrong",
    });
    expect(sink.received[0]!.headers["x-telegram-bot-api-secret-token"]).toBeUndefined();
    expect(sink.received[1]!.headers["x-telegram-bot-api-secret-token"]).toBe("wrong");
  });
});

describe("sending", () => {
  beforeEach(async () => {
    await api.postInbound({ botId: "7100000001", user: customer, message: { type: "text", text: "start" } });
  });

  it("text, photo, voice note and document, each with the chat's next message id", async () => {
    const text = await sendTelegram(ctx, String(customer.id), { kind: "text", text: "Ja, hij is er nog." });
    expect(text.externalId).toBe(`7100000001:${customer.id}:2`);
    const media = (mimeType: string, bytes: Buffer, fileName: string, mediaKind: "image" | "audio" | "document") =>
      sendTelegram(ctx, String(customer.id), {
        kind: "media",
        mediaKind,
        bytes,
        mimeType,
        fileName,
        url: "",
        caption: mediaKind === "image" ? "De Golf" : "",
      });
    await media("image/jpeg", JPEG, "golf.jpg", "image");
    await media("audio/ogg", OGG, "voice-note.ogg", "audio");
    await media("application/pdf", Buffer.from("%PDF-1.4 y"), "offerte.pdf", "document");
    const sent = api.sent({ chatId: customer.id });
    expect(sent.map((s) => [s.method, s.text ?? s.caption, s.file?.mimeType ?? null])).toEqual([
      ["sendMessage", "Ja, hij is er nog.", null],
      ["sendPhoto", "De Golf", "image/jpeg"],
      ["sendVoice", null, "audio/ogg"],
      ["sendDocument", null, "application/pdf"],
    ]);
    expect(api.file(sent[2]!.file!.fileId)!.bytes.equals(OGG)).toBe(true);
  });

  it("text over 4096 characters goes as two messages; the first id is kept", async () => {
    const { externalId } = await sendTelegram(ctx, String(customer.id), {
      kind: "text",
      text: "a".repeat(4096) + "b".repeat(10),
    });
    expect(externalId).toBe(`7100000001:${customer.id}:2`);
    expect(api.sent().map((s) => s.text!.length)).toEqual([4096, 10]);
  });

  it("429 carries retry_after as retryAfterMs; 5xx is retryable; 400 is not", async () => {
    api.failNext({ kind: "rate_limit", retryAfter: 3 });
    const limited = await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "x" }));
    expect(limited.failure).toMatchObject({ code: "rate_limited", retryable: true });
    expect(limited.retryAfterMs).toBe(3000);
    api.failNext({ kind: "server_error", status: 502 });
    expect(
      (await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "x" }))).failure.retryable,
    ).toBe(true);
    api.failNext({ kind: "bad_request", description: "message is too long" });
    const bad = await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "x" }));
    expect(bad.failure).toMatchObject({ code: "rejected", retryable: false });
    expect(bad.retryAfterMs).toBeNull();
    api.failNext({ kind: "hang", ms: 3000 });
    expect(
      (await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "x" }))).failure,
    ).toMatchObject({ code: "timeout", retryable: true });
    api.failNext({ kind: "drop" });
    expect(
      (await failureOf(sendTelegram(ctx, String(customer.id), { kind: "text", text: "x" }))).failure,
    ).toMatchObject({ code: "unreachable", retryable: true });
    expect(api.sent()).toHaveLength(0);
  });

  it("a chat nobody started cannot be written to", async () => {
    const error = await failureOf(sendTelegram(ctx, "999", { kind: "text", text: "spam" }));
    expect(error.failure).toMatchObject({ code: "no_recipient", retryable: false });
  });
});

describe("media", () => {
  it("getFile and the download give the customer's bytes; over the limit is refused", async () => {
    const voice = await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "voice", bytes: OGG },
    });
    const file = await fetchTelegramMedia(ctx, voice.fileId!, 1024);
    expect(Buffer.from(file.bytes).equals(OGG)).toBe(true);
    const error = await failureOf(fetchTelegramMedia(ctx, voice.fileId!, 10));
    expect(error.failure.code).toBe("media_too_large");
  });

  it("an unknown file id is a permanent refusal; a 5xx on the download is retryable", async () => {
    expect((await failureOf(fetchTelegramMedia(ctx, "nope", 1024))).failure.retryable).toBe(false);
    const voice = await api.postInbound({
      botId: "7100000001",
      user: customer,
      message: { type: "voice", bytes: OGG },
    });
    api.failNext({ kind: "server_error" }, { on: "file" });
    expect((await failureOf(fetchTelegramMedia(ctx, voice.fileId!, 1024))).failure.retryable).toBe(true);
  });

  it("never follows a file path off the configured host", async () => {
    for (const path of ["../../evil", "//evil.example/x", "a/../../b", "x?y=1", "@evil.example/x"])
      expect((await failureOf(botFileDownload(ctx.endpoint, TOKEN, path, 1024))).failure.code).toBe(
        "media_download_failed",
      );
  });
});
