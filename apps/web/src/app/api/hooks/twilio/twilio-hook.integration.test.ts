import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { deliverMessage } from "@forecourt/core/channels/deliver-message";
import { fetchInboundMedia } from "@forecourt/core/channels/fetch-inbound-media";
import { storeAttachment } from "@forecourt/core/storage/attachments";
import { createSmsChannel } from "@forecourt/core/channels/test-helpers";
import { messageEventById } from "@forecourt/core/chat/message-event";
import { sendMessage } from "@forecourt/core/chat/send-message";
import { RuleError } from "@forecourt/core/errors";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { withTenant } from "@forecourt/db";
import { createTestTenant, createTestUser, ownerDb } from "@forecourt/testing";
import { startTwilio, type TTwilio } from "@forecourt/testing/twilio";
import { GET as attachmentGET } from "../../attachments/[customerId]/[attachmentId]/route";
import { POST as inboundPOST } from "./[channelId]/route";
import { POST as statusPOST } from "./[channelId]/status/route";

/*
 * The Twilio webhook routes as Twilio calls them: the stand-in signs with the SDK's
 * getExpectedTwilioSignature over the public URL (WEB_URL/api/hooks/twilio/<id>) and posts over
 * real HTTP to a local server in front of the route modules (as a reverse proxy would: the
 * request's own host is not what was signed). Real PostgreSQL.
 */

let twilio: TTwilio;
let proxy: Server;
/** Requests that reached a host that is not Twilio's (the SSRF check must keep this at zero). */
const elsewhere: string[] = [];
let trap: Server;
let trapUrl = "";

function toRequest(req: IncomingMessage, body: Buffer) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request(`http://internal.invalid${req.url}`, {
    method: req.method,
    headers,
    body: req.method === "GET" ? undefined : new Uint8Array(body),
  });
}

/** Our routes as a reverse proxy would reach them: the webhook routes and the attachment links. */
async function forward(req: IncomingMessage, res: ServerResponse, body: Buffer) {
  const file = /^\/api\/attachments\/([^/]+)\/([^/?]+)/.exec(req.url ?? "");
  if (file && req.method === "GET") {
    const response = await attachmentGET(toRequest(req, Buffer.alloc(0)), {
      params: Promise.resolve({ customerId: file[1]!, attachmentId: file[2]! }),
    });
    return void res
      .writeHead(response.status, Object.fromEntries(response.headers))
      .end(Buffer.from(await response.arrayBuffer()));
  }
  const match = /^\/api\/hooks\/twilio\/([^/]+)(\/status)?$/.exec(req.url ?? "");
  if (!match) return void res.writeHead(404).end();
  const context = { params: Promise.resolve({ channelId: match[1]! }) };
  const request = toRequest(req, body);
  const response = match[2] ? await statusPOST(request, context) : await inboundPOST(request, context);
  res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
}

beforeAll(async () => {
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => void forward(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
  trap = createServer((req, res) => {
    elsewhere.push(req.url ?? "");
    res.writeHead(200, { "content-type": "image/png" }).end("not really");
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", () => resolve()));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  // On TWILIO_STANDIN_PORT, which is TWILIO_API_URL in tests: the adapter fetches media only from there.
  twilio = await startTwilio({
    port: getConfig().TWILIO_STANDIN_PORT,
    deliverTo: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
  });
});

afterAll(async () => {
  await twilio?.close();
  await new Promise((r) => proxy?.close(r));
  await new Promise((r) => trap?.close(r));
});

beforeEach(() => {
  twilio.reset();
  elsewhere.length = 0;
});

const CUSTOMER = "+31612345678";

async function arrange(options: { status?: "ACTIVE" | "DISABLED"; messagingService?: boolean } = {}) {
  const tenant = await createTestTenant("SMS hook");
  const sms = await createSmsChannel(tenant, options);
  const inboundUrl = `${getConfig().WEB_URL}/api/hooks/twilio/${sms.channel.id}`;
  twilio.addAccount({
    accountSid: sms.accountSid,
    authToken: sms.authToken,
    numbers: [sms.fromNumber],
    messagingServiceSid: sms.messagingServiceSid,
    inboundUrl,
  });
  const { user } = await createTestUser({ customerId: tenant.customer.id, role: "AGENT" });
  const agent = testMemberPrincipal(user.id, tenant.customer.id, "AGENT", { name: "Agent" });
  return { ...tenant, ...sms, inboundUrl, agent };
}

const messagesOf = (customerId: string) =>
  ownerDb().message.findMany({ where: { customerId }, orderBy: [{ createdAt: "asc" }, { seq: "asc" }] });

describe("POST /api/hooks/twilio/<channelId>", () => {
  it("records a signed SMS once, answers empty TwiML, and nothing more on redelivery", async () => {
    const t = await arrange();
    const first = await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "Is the Golf still available?" });
    expect(first.status).toBe(200);
    expect(first.contentType).toMatch(/^text\/xml/);
    expect(first.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const again = await twilio.redeliver();
    expect(again.status).toBe(200);
    const messages = await messagesOf(t.customer.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      body: "Is the Golf still available?",
      externalId: first.messageSid,
      authorType: "CONTACT",
    });
    const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect(identity).toMatchObject({ channelType: "TWILIO_SMS", externalId: `phone:${CUSTOMER}`, optedOutAt: null });
    const contact = await ownerDb().contact.findUniqueOrThrow({ where: { id: identity.contactId } });
    expect(contact).toMatchObject({ phone: CUSTOMER, name: CUSTOMER });
  });

  it("refuses a forged signature, a wrong channel id and a body for another number with 403, writing nothing", async () => {
    const t = await arrange();
    const forged = await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "forged", forge: true });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toMatchObject({ code: "signature_invalid" });
    // Tampered after signing: the signature covers every parameter.
    const signed = await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "original" });
    const tampered = twilio.webhooks().at(-1)!;
    const body = tampered.raw.replace("Body=original", "Body=changed");
    const response = await fetch(
      `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/hooks/twilio/${t.channel.id}`,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": tampered.signature },
        body,
      },
    );
    expect(response.status).toBe(403);
    expect(signed.status).toBe(200);
    // Another tenant's channel id in the path, with this account's valid signature for that URL: still refused.
    const other = await arrange();
    const crossed = await twilio.postInbound({
      to: t.fromNumber,
      from: CUSTOMER,
      body: "wrong channel",
      url: `${getConfig().WEB_URL}/api/hooks/twilio/${other.channel.id}`,
    });
    expect(crossed.status).toBe(403);
    const unknown = await twilio.postInbound({
      to: t.fromNumber,
      from: CUSTOMER,
      body: "unknown channel",
      url: `${getConfig().WEB_URL}/api/hooks/twilio/00000000-0000-4000-8000-000000000000`,
    });
    expect(unknown.status).toBe(403);
    // Signed correctly for this channel, but about another number of the account.
    const mismatch = await twilio.postInbound({
      to: t.fromNumber,
      from: CUSTOMER,
      body: "x",
      extra: { To: "+3197099999999" },
    });
    expect(mismatch.status).toBe(403);
    expect(JSON.parse(mismatch.body)).toMatchObject({ code: "channel_mismatch" });
    expect((await messagesOf(t.customer.id)).map((m) => m.body)).toEqual(["original"]);
    expect(await messagesOf(other.customer.id)).toHaveLength(0);
  });

  it("refuses a non-form body (415) and an oversized one (413)", async () => {
    const t = await arrange();
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api/hooks/twilio/${t.channel.id}`;
    const json = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    const big = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `Body=${"a".repeat(70 * 1024)}`,
    });
    expect(big.status).toBe(413);
  });

  it("accepts a Messaging Service channel by its MessagingServiceSid", async () => {
    const t = await arrange({ messagingService: true });
    const posted = await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "via service" });
    expect(posted.status).toBe(200);
    expect(await messagesOf(t.customer.id)).toHaveLength(1);
  });

  it("records nothing on a disabled channel, but answers Twilio", async () => {
    const t = await arrange({ status: "DISABLED" });
    expect((await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "hello?" })).status).toBe(200);
    expect(await messagesOf(t.customer.id)).toHaveLength(0);
  });

  it("stores an MMS picture through the media job (Basic auth on Twilio's host) and shows it on the message", async () => {
    const t = await arrange();
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d7e4a40000000049454e44ae426082",
      "hex",
    );
    const posted = await twilio.postInbound({
      to: t.fromNumber,
      from: CUSTOMER,
      body: "The scratch",
      media: [{ bytes: png, mimeType: "image/png" }],
    });
    expect(posted.status).toBe(200);
    const [message] = await messagesOf(t.customer.id);
    expect(message).toMatchObject({ body: "The scratch", awaitingJob: true });
    expect(
      await fetchInboundMedia({ customerId: t.customer.id, messageId: message!.id, attempt: 1, maxAttempts: 3 }),
    ).toBe("stored");
    const event = await withTenant(t.customer.id, (tx) => messageEventById(tx, message!.id));
    expect(event?.content).toEqual({ type: "media", mediaKind: "image", state: "stored" });
    expect(event?.kind).toBe("ATTACHMENT");
    expect(event?.attachments).toMatchObject([{ mimeType: "image/png", sizeBytes: png.length }]);
    const download = await fetch(
      event!.attachments[0]!.url.replace(getConfig().WEB_URL, "http://internal.invalid"),
    ).catch(() => null);
    expect(download).toBeNull(); // the signed link is on our own origin; served by the attachments route, not here
  });

  it("refuses MMS media on any host but Twilio's, without a single request to it", async () => {
    const t = await arrange();
    const posted = await twilio.postInbound({
      to: t.fromNumber,
      from: CUSTOMER,
      body: "look",
      extra: {
        NumMedia: "1",
        MediaUrl0: `${trapUrl}/2010-04-01/Accounts/${t.accountSid}/Messages/MM${"0".repeat(32)}/Media/ME${"0".repeat(32)}`,
        MediaContentType0: "image/png",
      },
    });
    expect(posted.status).toBe(200);
    const [message] = await messagesOf(t.customer.id);
    expect(
      await fetchInboundMedia({ customerId: t.customer.id, messageId: message!.id, attempt: 1, maxAttempts: 3 }),
    ).toBe("failed");
    const row = await ownerDb().message.findUniqueOrThrow({ where: { id: message!.id } });
    expect(row.data).toMatchObject({
      type: "media",
      state: "failed",
      reason: expect.stringMatching(/not on Twilio's media host/),
    });
    expect(elsewhere).toEqual([]);
  });

  it("records STOP on the number and refuses an agent's reply; START clears it", async () => {
    const t = await arrange();
    await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "Hello" });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect((await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "Stop" })).status).toBe(200);
    const identity = await ownerDb().contactIdentity.findFirstOrThrow({ where: { customerId: t.customer.id } });
    expect(identity.optedOutAt).not.toBeNull();
    expect(identity.optOutReason).toBe("sms:STOP");
    const refused = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-reply-001", body: "Sorry to see you go" },
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).code).toBe("sms_opted_out");
    expect((refused as RuleError).message).toMatch(/replied STOP/);
    // The customer's STOP itself is in the conversation, for the agent to see.
    expect((await messagesOf(t.customer.id)).map((m) => m.body)).toEqual(["Hello", "Stop"]);
    await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "START" });
    const cleared = await ownerDb().contactIdentity.findUniqueOrThrow({ where: { id: identity.id } });
    expect(cleared).toMatchObject({ optedOutAt: null, optOutReason: null });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-reply-002", body: "Welcome back" },
    });
    expect(sent.event.delivery?.status).toBe("QUEUED");
  });
});

describe("POST /api/hooks/twilio/<channelId>/status", () => {
  async function sentMessage() {
    const t = await arrange();
    await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "Hi" });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: `st-${Date.now()}`, body: "Your car is ready" },
    });
    const sid = `SM${randomBytes(16).toString("hex")}`;
    await ownerDb().message.update({ where: { id: sent.id }, data: { externalId: sid, deliveryStatus: "SENT" } });
    // What our send created at Twilio: the stand-in's record, with our status URL.
    const message = {
      sid,
      accountSid: t.accountSid,
      to: CUSTOMER,
      from: t.fromNumber,
      messagingServiceSid: null,
      body: "Your car is ready",
      mediaUrls: [],
      media: [],
      statusCallback: `${getConfig().WEB_URL}/api/hooks/twilio/${t.channel.id}/status`,
      status: "queued" as const,
      errorCode: null,
      numSegments: 1,
      at: new Date().toISOString(),
    };
    return { t, sent, message };
  }

  it("moves the ticks only forward: delivered, then a late sent changes nothing", async () => {
    const { sent, message } = await sentMessage();
    const post = (status: "sent" | "delivered" | "undelivered" | "failed", code: number | null = null) =>
      twilio.postStatusFor(message, status, code);
    expect((await post("delivered"))?.status).toBe(200);
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } })).deliveryStatus).toBe("DELIVERED");
    await post("sent");
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } })).deliveryStatus).toBe("DELIVERED");
    // A failure after delivery does not undo it either.
    await post("undelivered", 30003);
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } })).deliveryStatus).toBe("DELIVERED");
  });

  it("shows a carrier's ErrorCode in words", async () => {
    const { sent, message } = await sentMessage();
    expect((await twilio.postStatusFor(message, "undelivered", 30007))?.status).toBe(200);
    const row = await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row.deliveryStatus).toBe("FAILED");
    expect(row.deliveryError).toMatchObject({
      code: "carrier_filtered",
      retryable: false,
      message: expect.stringMatching(/spam/),
    });
  });

  it("refuses a forged status callback", async () => {
    const { sent, message } = await sentMessage();
    expect((await twilio.postStatusFor(message, "failed", 30005, { forge: true }))?.status).toBe(403);
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } })).deliveryStatus).toBe("SENT");
  });
});

describe("delivery through the real SDK to the stand-in", () => {
  async function conversationOf(options: { messagingService?: boolean } = {}) {
    const t = await arrange(options);
    await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "Hi" });
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    return { t, conversation };
  }
  const deliver = (customerId: string, messageId: string) =>
    deliverMessage({ customerId, messageId, attempt: 1, maxAttempts: 1 });
  const row = (id: string) => ownerDb().message.findUniqueOrThrow({ where: { id } });

  it("sends from the channel's number with our StatusCallback; the callbacks move it to delivered", async () => {
    const { t, conversation } = await conversationOf();
    twilio.clearFailures();
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0001", body: "Your Golf is ready for pick-up." },
    });
    expect(await deliver(t.customer.id, sent.id)).toBe("sent");
    const [accepted] = twilio.sent();
    expect(accepted).toMatchObject({
      to: CUSTOMER,
      from: t.fromNumber,
      messagingServiceSid: null,
      body: "Your Golf is ready for pick-up.",
      statusCallback: `${getConfig().WEB_URL}/api/hooks/twilio/${t.channel.id}/status`,
    });
    expect(await row(sent.id)).toMatchObject({ deliveryStatus: "SENT", externalId: accepted!.sid });
    await twilio.postStatus(accepted!.sid, "sent");
    await twilio.postStatus(accepted!.sid, "delivered");
    expect((await row(sent.id)).deliveryStatus).toBe("DELIVERED");
  });

  it("names the Messaging Service instead of a number when the channel has one", async () => {
    const { t, conversation } = await conversationOf({ messagingService: true });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0002", body: "Via the service" },
    });
    expect(await deliver(t.customer.id, sent.id)).toBe("sent");
    expect(twilio.sent()[0]).toMatchObject({ messagingServiceSid: t.messagingServiceSid, status: "accepted" });
  });

  it("sends a picture as MMS through our signed link, which the stand-in fetches", async () => {
    const { t, conversation } = await conversationOf();
    const jpeg = Buffer.concat([
      Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"),
      randomBytes(200),
      Buffer.from("ffd9", "hex"),
    ]);
    const storageKey = await storeAttachment(t.customer.id, jpeg);
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0003", body: "The quote" },
      attachment: {
        fileName: "quote.jpg",
        mimeType: "image/jpeg",
        sizeBytes: jpeg.length,
        sha256: createHash("sha256").update(jpeg).digest("hex"),
        storageKey,
      },
    });
    expect(await deliver(t.customer.id, sent.id)).toBe("sent");
    const [accepted] = twilio.sent();
    expect(accepted!.mediaUrls[0]).toMatch(new RegExp(`^${getConfig().WEB_URL}/api/attachments/`));
    expect(accepted!.media).toMatchObject([{ size: jpeg.length, error: null }]);
    expect(accepted!.body).toBe("The quote");
  });

  it("records Twilio's refusal in words without retrying (21211), and a STOP that came after the reply", async () => {
    const { t, conversation } = await conversationOf();
    twilio.failNext({ kind: "api_error", code: 21211 });
    const bad = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0004", body: "x" },
    });
    expect(await deliverMessage({ customerId: t.customer.id, messageId: bad.id, attempt: 1, maxAttempts: 8 })).toBe(
      "failed",
    );
    expect((await row(bad.id)).deliveryError).toMatchObject({ code: "invalid_number", retryable: false });

    const late = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0005", body: "Are you still interested?" },
    });
    await twilio.postInbound({ to: t.fromNumber, from: CUSTOMER, body: "STOP" });
    twilio.reset(); // forget the stand-in's own opt-out: our driver must refuse by itself
    expect(await deliver(t.customer.id, late.id)).toBe("failed");
    expect((await row(late.id)).deliveryError).toMatchObject({ code: "sms_opted_out" });
    expect(twilio.sent()).toHaveLength(0);
  });

  it("leaves a 5xx to the job's retries", async () => {
    const { t, conversation } = await conversationOf();
    twilio.failNext({ kind: "server_error" });
    const sent = await sendMessage({
      sender: { agent: t.agent },
      input: { conversationId: conversation.id, clientId: "sms-dl-0006", body: "Retry me" },
    });
    const first = await deliverMessage({
      customerId: t.customer.id,
      messageId: sent.id,
      attempt: 1,
      maxAttempts: 8,
    }).catch((e: unknown) => e);
    expect(first).toMatchObject({ failure: { code: "service_error", retryable: true } });
    expect((await row(sent.id)).deliveryStatus).toBe("QUEUED");
    expect(await deliverMessage({ customerId: t.customer.id, messageId: sent.id, attempt: 2, maxAttempts: 8 })).toBe(
      "sent",
    );
    expect(twilio.sent().filter((m) => m.body === "Retry me")).toHaveLength(1);
  });
});
