/**
 * HTTP-edge findings (issue 9 "One door"): the route modules are called with constructed
 * `Request`s, exactly as Next.js calls them; the custom server's address stamping runs on a
 * real Node HTTP server (client-ip.integration.test.ts). Real PostgreSQL and Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@forecourt/config";
import { newWidgetKey } from "@forecourt/core/chat/keys";
import { attachmentUrl } from "@forecourt/core/chat/message-event";
import { resolveVisitorSession } from "@forecourt/core/chat/resolve-visitor-session";
import { sendAttachment } from "@forecourt/core/chat/save-attachment";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createTestTenant, ownerDb } from "@forecourt/testing";
import { GET as downloadAttachment } from "@/app/api/attachments/[customerId]/[attachmentId]/route";
import { POST as postContact } from "@/app/api/inbox/contacts/[id]/route";
import { POST as postConversationAction } from "@/app/api/inbox/conversations/[id]/route";
import { POST as postAgentUpload } from "@/app/api/inbox/upload/route";
import { POST as startChat } from "@/app/api/widget/conversations/route";
import { GET as getVisitorConversation } from "@/app/api/widget/conversation/route";
import { GET as getVisitorMessages } from "@/app/api/widget/messages/route";
import { POST as postVisitorUpload } from "@/app/api/widget/upload/route";
import { GET as getWidgetFrame } from "@/app/widget/frame/route";
import { clientIp } from "../client-ip";

/** What apps/web's server (server.ts) stamps from the socket; spelled out so this file runs on old code too. */
const CLIENT_IP_HEADER = "x-forecourt-client-ip";
const APP = new URL(getConfig().WEB_URL).origin;
const ORIGIN = "http://edge-dealer.test";
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const someIp = () => `10.88.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

let customerId = "";
let widgetKey = "";
let visitorToken = "";
let conversationId = "";

beforeAll(async () => {
  const t = await createTestTenant("Edge");
  customerId = t.customer.id;
  const channel = await ownerDb().channel.create({
    data: {
      customerId,
      dealerId: t.dealer.id,
      type: "WIDGET",
      name: "Edge Website",
      publicKey: newWidgetKey(customerId),
      config: { allowedOrigins: [ORIGIN] },
    },
  });
  widgetKey = channel.publicKey!;
  const chat = await startVisitorConversation({
    input: { key: widgetKey, origin: ORIGIN, name: "Edge visitor", consent: true, offlineMessage: "Hello" },
  });
  visitorToken = chat.token;
  conversationId = chat.conversationId;
});

afterAll(async () => {
  await ownerDb()
    .customer.delete({ where: { id: customerId } })
    .catch(() => undefined);
});

/** The pre-chat form: `origin` in the body as the old widget sent it; headers as given. */
function startChatRequest(headers: Record<string, string>, body: Record<string, unknown> = {}) {
  return new Request(`${APP}/api/widget/conversations`, {
    method: "POST",
    headers: { "content-type": "application/json", [CLIENT_IP_HEADER]: someIp(), ...headers },
    body: JSON.stringify({ key: widgetKey, origin: ORIGIN, name: "V", consent: true, offlineMessage: "Hi", ...body }),
  });
}

async function json(response: Response): Promise<{ error?: string; code?: string } & Record<string, unknown>> {
  return (await response.json().catch(() => ({}))) as { error?: string; code?: string };
}

function uploadForm(fileName = "photo.png") {
  const form = new FormData();
  form.set("conversationId", conversationId);
  form.set("clientId", `edge-${crypto.randomUUID()}`);
  form.set("file", new File([PNG], fileName, { type: "image/png" }));
  return form;
}

describe("finding 2: the client address is the socket's, not X-Forwarded-For", () => {
  it("clientIp ignores a client's X-Forwarded-For and X-Real-IP", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }))).not.toMatch(/6\.6|7\.7/);
  });

  it("a new X-Forwarded-For per request does not escape the per-IP new-chat limit", async () => {
    const ip = someIp();
    const statuses: number[] = [];
    for (let i = 0; i <= getConfig().CHAT_LIMIT_CONVERSATIONS_PER_IP_HOUR; i++) {
      const response = await startChat(
        startChatRequest({ origin: ORIGIN, [CLIENT_IP_HEADER]: ip, "x-forwarded-for": `198.51.100.${i}` }),
      );
      statuses.push(response.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("finding 4: bodies are bounded while they stream in", () => {
  it("a 12 MB JSON body is refused with 413", async () => {
    const response = await startChat(startChatRequest({ origin: ORIGIN }, { name: "x".repeat(12 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((await json(response)).error).toMatch(/too large/);
  });

  it("a chunked upload without Content-Length is cut off at the limit, not read to the end", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 60 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await postVisitorUpload(
      new Request(`${APP}/api/widget/upload`, {
        method: "POST",
        body,
        duplex: "half",
        headers: {
          "content-type": "multipart/form-data; boundary=xyz",
          authorization: `Bearer ${visitorToken}`,
          [CLIENT_IP_HEADER]: someIp(),
        },
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(15 * 1024 * 1024);
  });

  it("a non-multipart body to an upload route is a 400 with a message", async () => {
    const response = await postVisitorUpload(
      new Request(`${APP}/api/widget/upload`, {
        method: "POST",
        body: JSON.stringify({ file: "x" }),
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${visitorToken}`,
          [CLIENT_IP_HEADER]: someIp(),
        },
      }),
    );
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(/multipart/);
  });
});

describe("finding 6: dashboard routes refuse cross-origin and non-JSON requests", () => {
  const id = crypto.randomUUID();
  const context = { params: Promise.resolve({ id }) };

  it("closing a conversation from another origin (text/plain, another port) is 403", async () => {
    const response = await postConversationAction(
      new Request(`${APP}/api/inbox/conversations/${id}`, {
        method: "POST",
        headers: { "content-type": "text/plain", origin: "http://localhost:3002", "sec-fetch-site": "same-site" },
        body: JSON.stringify({ action: "close" }),
      }),
      context,
    );
    expect(response.status).toBe(403);
    expect((await json(response)).code).toBe("cross_origin_request");
  });

  it("a same-origin text/plain body is not parsed as JSON (415)", async () => {
    const response = await postContact(
      new Request(`${APP}/api/inbox/contacts/${id}`, {
        method: "POST",
        headers: { "content-type": "text/plain", origin: APP },
        body: JSON.stringify({ name: "x" }),
      }),
      context,
    );
    expect(response.status).toBe(415);
  });

  it("a request without Origin or Sec-Fetch-Site: same-origin is 403; so is a cross-origin upload", async () => {
    const noOrigin = await postConversationAction(
      new Request(`${APP}/api/inbox/conversations/${id}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "close" }),
      }),
      context,
    );
    expect(noOrigin.status).toBe(403);
    const upload = await postAgentUpload(
      new Request(`${APP}/api/inbox/upload`, {
        method: "POST",
        body: uploadForm(),
        headers: { origin: "http://evil.test" },
      }),
    );
    expect(upload.status).toBe(403);
  });
});

describe("finding 7: the widget's page origin comes from the browser, not the body", () => {
  it("a forged body origin does not open a chat (cross-origin request from another site)", async () => {
    const response = await startChat(startChatRequest({ origin: "http://evil.test" }));
    expect(response.status).toBe(403);
  });

  it("a same-origin request (as from the iframe) without a frame ticket does not open a chat", async () => {
    const response = await startChat(startChatRequest({ origin: APP }));
    expect(response.status).toBe(403);
  });

  it("the frame page's ticket opens a chat for its origin only; frame-ancestors names that origin", async () => {
    const frame = await getWidgetFrame(
      new Request(`${APP}/widget/frame?key=${widgetKey}&origin=${encodeURIComponent(ORIGIN)}`),
    );
    expect(frame.status).toBe(200);
    expect(frame.headers.get("content-security-policy")).toContain(`frame-ancestors ${ORIGIN}`);
    const ticket = /name="forecourt-frame" content="([^"]+)"/.exec(await frame.text())?.[1];
    expect(ticket).toBeTruthy();
    const ok = await startChat(startChatRequest({ origin: APP, "x-forecourt-frame": ticket! }));
    expect(ok.status).toBe(201);
    const forged = await startChat(startChatRequest({ origin: APP, "x-forecourt-frame": `${ticket!.slice(0, -2)}xx` }));
    expect(forged.status).toBe(403);
  });
});

describe("finding 8: bad input is a 4xx with a message, never a 500", () => {
  it("an attachment named Łódź-фото.png downloads (RFC 6266 filename*)", async () => {
    const visitor = (await resolveVisitorSession({ token: visitorToken }))!;
    const sent = await sendAttachment({
      sender: { visitor },
      conversationId,
      clientId: `edge-${crypto.randomUUID()}`,
      fileName: "Łódź-фото.png",
      declaredType: "image/png",
      bytes: PNG,
    });
    const attachment = await ownerDb().attachment.findFirstOrThrow({ where: { messageId: sent.id } });
    const url = new URL(attachmentUrl(customerId, attachment.id), APP);
    const response = await downloadAttachment(new Request(url), {
      params: Promise.resolve({ customerId, attachmentId: attachment.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''%C5%81%C3%B3d%C5%BA-");
  });

  it("a NUL byte in a JSON text field is a 400 with a message", async () => {
    const response = await startChat(startChatRequest({ origin: ORIGIN }, { name: "Ann\u0000" }));
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(/NUL/);
  });

  it("before=99999999999 is a 400", async () => {
    const response = await getVisitorMessages(
      new Request(`${APP}/api/widget/messages?conversationId=${conversationId}&before=99999999999`, {
        headers: { authorization: `Bearer ${visitorToken}` },
      }),
    );
    expect(response.status).toBe(400);
  });

  it("a malformed visitor token is a 401 with a message", async () => {
    const response = await getVisitorConversation(
      new Request(`${APP}/api/widget/conversation`, {
        headers: { authorization: `Bearer v1.${"-".repeat(36)}.${"a".repeat(24)}` },
      }),
    );
    expect(response.status).toBe(401);
    expect((await json(response)).error).toBeTruthy();
  });
});
