import { randomBytes } from "node:crypto";
import { ChannelSendError } from "@forecourt/channels";
import {
  fetchTwilioAccount,
  fetchTwilioMedia,
  parseTwilioInbound,
  parseTwilioStatus,
  sendTwilioSms,
  twilioParamsOf,
  verifyTwilioSignature,
  type TTwilioSmsContext,
} from "@forecourt/channels/twilio-sms";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookSink } from "../meta-graph/webhook-sink";
import { startTwilio, type TTwilio } from "./index";

/*
 * The Twilio stand-in against the real adapter: the real `twilio` SDK sends through it (its
 * httpClient rebased on the stand-in), and what the stand-in posts is verified with the SDK's
 * validateRequest, as our webhook route does.
 */

const hex = () => randomBytes(16).toString("hex");
const ACCOUNT = `AC${hex()}`;
const TOKEN = hex();
const SERVICE = `MG${hex()}`;
const DEALER_NUMBER = "+3197010000001";
const CUSTOMER = "+31612345678";

let twilio: TTwilio;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;
let ctx: TTwilioSmsContext;

beforeAll(async () => {
  twilio = await startTwilio({ autoStatusDelayMs: 10 });
  sink = await startWebhookSink();
  twilio.addAccount({
    accountSid: ACCOUNT,
    authToken: TOKEN,
    numbers: [DEALER_NUMBER],
    messagingServiceSid: SERVICE,
    inboundUrl: `${sink.base}/api/hooks/twilio/channel-1`,
  });
  ctx = {
    endpoint: { apiUrl: twilio.url, timeoutMs: 2000 },
    config: { accountSid: ACCOUNT, messagingServiceSid: null, fromNumber: DEALER_NUMBER },
    secrets: { authToken: TOKEN },
    statusCallbackUrl: `${sink.base}/api/hooks/twilio/channel-1/status`,
  };
});
afterAll(async () => {
  await twilio.close();
  await sink.close();
});
beforeEach(() => {
  twilio.reset();
  sink.received.length = 0;
});

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelSendError);
  return (error as ChannelSendError).failure;
};

describe("Messages.json through the real SDK", () => {
  it("sends from the number with our StatusCallback and returns the MessageSid", async () => {
    const { externalId } = await sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "Your Golf is ready." });
    expect(externalId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.sent()).toMatchObject([
      {
        sid: externalId,
        to: CUSTOMER,
        from: DEALER_NUMBER,
        messagingServiceSid: null,
        body: "Your Golf is ready.",
        statusCallback: ctx.statusCallbackUrl,
        status: "queued",
      },
    ]);
  });

  it("sends through the Messaging Service when one is configured", async () => {
    await sendTwilioSms({ ...ctx, config: { ...ctx.config, messagingServiceSid: SERVICE } }, CUSTOMER, {
      kind: "text",
      text: "Via the service",
    });
    expect(twilio.sent()[0]).toMatchObject({ messagingServiceSid: SERVICE, status: "accepted" });
  });

  it("refuses a wrong Auth Token (20003) and an unknown From (21606) in words, without retrying", async () => {
    expect(
      await failureOf(sendTwilioSms({ ...ctx, secrets: { authToken: hex() } }, CUSTOMER, { kind: "text", text: "x" })),
    ).toMatchObject({
      code: "token_invalid",
      retryable: false,
    });
    expect(
      await failureOf(
        sendTwilioSms({ ...ctx, config: { ...ctx.config, fromNumber: "+3197010009999" } }, CUSTOMER, {
          kind: "text",
          text: "x",
        }),
      ),
    ).toMatchObject({ code: "sender_invalid" });
    expect(await failureOf(sendTwilioSms(ctx, "0612", { kind: "text", text: "x" }))).toMatchObject({
      code: "invalid_number",
    });
    expect(twilio.sent()).toHaveLength(0);
  });

  it("classifies injected failures: 5xx and 429 retry, a time-out retries, an API error does not", async () => {
    twilio.failNext({ kind: "server_error" });
    expect(await failureOf(sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "x" }))).toMatchObject({
      code: "service_error",
      retryable: true,
    });
    twilio.failNext({ kind: "rate_limit" });
    expect(await failureOf(sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "x" }))).toMatchObject({
      code: "rate_limited",
      retryable: true,
    });
    twilio.failNext({ kind: "hang", ms: 3000 });
    expect(
      await failureOf(
        sendTwilioSms({ ...ctx, endpoint: { ...ctx.endpoint, timeoutMs: 300 } }, CUSTOMER, { kind: "text", text: "x" }),
      ),
    ).toMatchObject({ code: "timeout", retryable: true });
    twilio.failNext({ kind: "drop" });
    expect(await failureOf(sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "x" }))).toMatchObject({
      retryable: true,
    });
    twilio.failNext({ kind: "api_error", code: 21408 });
    expect(await failureOf(sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "x" }))).toMatchObject({
      code: "region_not_enabled",
      retryable: false,
    });
  });

  it("refuses a customer who texted STOP with 21610 (opted_out)", async () => {
    const stop = await twilio.postInbound({ to: DEALER_NUMBER, from: CUSTOMER, body: "STOP" });
    expect(stop.params.OptOutType).toBe("STOP");
    expect(await failureOf(sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "x" }))).toMatchObject({
      code: "opted_out",
    });
    await twilio.postInbound({ to: DEALER_NUMBER, from: CUSTOMER, body: "START" });
    await sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "Welcome back" });
  });

  it("fetches an MMS file from our link", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const url = sink.serveFile("a.png", png, "image/png");
    await sendTwilioSms(ctx, CUSTOMER, {
      kind: "media",
      mediaKind: "image",
      bytes: png,
      mimeType: "image/png",
      fileName: "a.png",
      url,
      caption: "The quote",
    });
    expect(twilio.sent()[0]).toMatchObject({
      body: "The quote",
      mediaUrls: [url],
      media: [{ mimeType: "image/png", size: png.length, error: null }],
    });
  });

  it("tests the connection by reading the account", async () => {
    expect(await fetchTwilioAccount(ctx.endpoint, ctx.config, ctx.secrets)).toMatchObject({ status: "active" });
    expect(await failureOf(fetchTwilioAccount(ctx.endpoint, ctx.config, { authToken: hex() }))).toMatchObject({
      code: "token_invalid",
    });
  });
});

describe("webhooks to us", () => {
  it("posts a signed inbound SMS that the adapter verifies and parses", async () => {
    const result = await twilio.postInbound({ to: DEALER_NUMBER, from: CUSTOMER, body: "Hoi, is de auto er nog?" });
    expect(result.status).toBe(200);
    const [received] = await sink.waitFor(1);
    const params = twilioParamsOf(received!.raw);
    const signature = received!.headers["x-twilio-signature"] as string;
    const publicUrl = `${sink.base}/api/hooks/twilio/channel-1`;
    expect(verifyTwilioSignature({ authToken: TOKEN, signature, publicUrl, params })).toBe(true);
    expect(verifyTwilioSignature({ authToken: hex(), signature, publicUrl, params })).toBe(false);
    expect(parseTwilioInbound(params)).toMatchObject({
      accountSid: ACCOUNT,
      to: DEALER_NUMBER,
      messagingServiceSid: SERVICE,
      messages: [{ externalId: result.messageSid, text: "Hoi, is de auto er nog?" }],
    });
  });

  it("signs a forged post with another token", async () => {
    await twilio.postInbound({ to: DEALER_NUMBER, from: CUSTOMER, body: "x", forge: true });
    const [received] = await sink.waitFor(1);
    expect(
      verifyTwilioSignature({
        authToken: TOKEN,
        signature: received!.headers["x-twilio-signature"] as string,
        publicUrl: `${sink.base}/api/hooks/twilio/channel-1`,
        params: twilioParamsOf(received!.raw),
      }),
    ).toBe(false);
  });

  it("redelivers the same bytes, signature and idempotency token", async () => {
    await twilio.postInbound({ to: DEALER_NUMBER, from: CUSTOMER, body: "twice" });
    await twilio.redeliver();
    const [a, b] = await sink.waitFor(2);
    expect(b!.raw.equals(a!.raw)).toBe(true);
    expect(b!.headers["x-twilio-signature"]).toBe(a!.headers["x-twilio-signature"]);
    expect(b!.headers["i-twilio-idempotency-token"]).toBe(a!.headers["i-twilio-idempotency-token"]);
  });

  it("serves MMS media with Basic auth only, through a redirect the adapter follows", async () => {
    const jpeg = Buffer.concat([Buffer.from("ffd8ffe000104a464946", "hex"), randomBytes(64)]);
    await twilio.postInbound({
      to: DEALER_NUMBER,
      from: CUSTOMER,
      body: "photo",
      media: [{ bytes: jpeg, mimeType: "image/jpeg" }],
    });
    const [received] = await sink.waitFor(1);
    const media = parseTwilioInbound(twilioParamsOf(received!.raw))!.messages[0]!.media!;
    expect(media.ref.startsWith(`${twilio.url}/2010-04-01/Accounts/${ACCOUNT}/Messages/MM`)).toBe(true);
    expect((await fetch(media.ref)).status).toBe(401);
    const download = await fetchTwilioMedia(ctx.endpoint, ctx.config, ctx.secrets, media.ref, 1 << 20);
    expect(Buffer.from(download.bytes).equals(jpeg)).toBe(true);
    expect(download.mimeType).toBe("image/jpeg");
    // Another host gets nothing, not even a request.
    const elsewhere = media.ref.replace(twilio.url, sink.base);
    expect(await failureOf(fetchTwilioMedia(ctx.endpoint, ctx.config, ctx.secrets, elsewhere, 1 << 20))).toMatchObject({
      code: "media_download_failed",
      retryable: false,
    });
    expect(sink.received).toHaveLength(1);
    expect(await failureOf(fetchTwilioMedia(ctx.endpoint, ctx.config, ctx.secrets, media.ref, 10))).toMatchObject({
      code: "media_too_large",
    });
  });

  it("posts signed status callbacks: sent, then the carrier's failure with its ErrorCode", async () => {
    twilio.failNext({ kind: "status_failure", code: 30003 });
    const { externalId } = await sendTwilioSms(ctx, CUSTOMER, { kind: "text", text: "Are you there?" });
    const received = await sink.waitFor(2);
    const statuses = received.map((r) => {
      const params = twilioParamsOf(r.raw);
      expect(
        verifyTwilioSignature({
          authToken: TOKEN,
          signature: r.headers["x-twilio-signature"] as string,
          publicUrl: ctx.statusCallbackUrl,
          params,
        }),
      ).toBe(true);
      return parseTwilioStatus(params)!.event;
    });
    expect(statuses).toMatchObject([
      { externalId, status: "SENT", error: null },
      { externalId, status: "FAILED", error: { code: "unreachable_handset", retryable: true } },
    ]);
  });
});
