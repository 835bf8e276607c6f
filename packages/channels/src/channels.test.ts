import { describe, expect, it } from "vitest";
import { graphFailure } from "./graph-client";
import { metaHandshake, metaSignatureOf, verifyMetaSignature } from "./meta-signature";
import { parseMetaWebhook } from "./meta-webhook";
import { messengerReplyWindow } from "./messenger";
import { fillTemplate, templateVariableCount, whatsappReplyWindow } from "./whatsapp";

const change = (phoneNumberId: string, value: Record<string, unknown>) => ({
  field: "messages",
  value: {
    messaging_product: "whatsapp",
    metadata: { phone_number_id: phoneNumberId, display_phone_number: "31200000000" },
    ...value,
  },
});
const text = (id: string, from: string, body: string) => ({
  id,
  from,
  timestamp: "1764590000",
  type: "text",
  text: { body },
});

describe("Meta signature", () => {
  const body = new TextEncoder().encode('{"object":"page","entry":[]}');
  it("verifies the HMAC over the raw bytes and nothing else", () => {
    const signature = metaSignatureOf(body, "app-secret-1");
    expect(verifyMetaSignature(body, signature, "app-secret-1")).toBe(true);
    expect(verifyMetaSignature(body, signature, "app-secret-2")).toBe(false);
    expect(
      verifyMetaSignature(new TextEncoder().encode('{"object": "page","entry":[]}'), signature, "app-secret-1"),
    ).toBe(false);
    expect(verifyMetaSignature(body, null, "app-secret-1")).toBe(false);
    expect(verifyMetaSignature(body, "sha1=abc", "app-secret-1")).toBe(false);
    expect(verifyMetaSignature(body, signature.toUpperCase().replace("SHA256", "sha256"), "app-secret-1")).toBe(true);
  });
  it("answers the handshake only for subscribe with a token and a sane challenge", () => {
    expect(metaHandshake({ mode: "subscribe", token: "t", challenge: "1158201444" })).toEqual({
      ok: true,
      challenge: "1158201444",
    });
    expect(metaHandshake({ mode: "unsubscribe", token: "t", challenge: "1" }).ok).toBe(false);
    expect(metaHandshake({ mode: "subscribe", token: null, challenge: "1" }).ok).toBe(false);
    expect(metaHandshake({ mode: "subscribe", token: "t", challenge: "<script>" }).ok).toBe(true);
    expect(metaHandshake({ mode: "subscribe", token: "t", challenge: "a b" }).ok).toBe(false);
  });
});

describe("parseMetaWebhook (WhatsApp)", () => {
  it("reads every entry, change and message, grouped by phone number id", () => {
    const routed = parseMetaWebhook({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba",
          changes: [
            change("111", {
              contacts: [{ wa_id: "31611111111", profile: { name: "Ann" } }],
              messages: [text("wamid.1", "31611111111", "one"), text("wamid.2", "31611111111", "two")],
            }),
          ],
        },
        { id: "waba", changes: [change("222", { messages: [text("wamid.3", "31622222222", "three")] })] },
      ],
    });
    expect(routed?.map((r) => [r.routeKey, r.events.length])).toEqual([
      ["whatsapp:111", 2],
      ["whatsapp:222", 1],
    ]);
    const first = routed?.[0]?.events[0];
    expect(first).toMatchObject({
      type: "message",
      externalId: "wamid.1",
      text: "one",
      profileName: "Ann",
      phone: "31611111111",
    });
    expect(first && "identities" in first && first.identities).toEqual([{ kind: "wa_id", value: "31611111111" }]);
  });

  it("keys a username user without a phone number on the BSUID", () => {
    const routed = parseMetaWebhook({
      object: "whatsapp_business_account",
      entry: [
        {
          changes: [
            change("111", {
              contacts: [{ user_id: "NL.123", profile: { name: "@bob" } }],
              messages: [{ id: "wamid.b", from_user_id: "NL.123", type: "text", text: { body: "hi" } }],
            }),
          ],
        },
      ],
    });
    expect(routed?.[0]?.events[0]).toMatchObject({
      identities: [{ kind: "bsuid", value: "NL.123" }],
      phone: null,
      profileName: "@bob",
    });
  });

  it("shows every inbound type readably", () => {
    const messages = [
      {
        id: "m1",
        from: "1",
        type: "location",
        location: { latitude: 52.37, longitude: 4.89, name: "Showroom", address: "Dam 1" },
      },
      {
        id: "m2",
        from: "1",
        type: "contacts",
        contacts: [{ name: { formatted_name: "Piet" }, phones: [{ phone: "+31 6 1" }] }],
      },
      {
        id: "m3",
        from: "1",
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes please" } },
      },
      { id: "m4", from: "1", type: "reaction", reaction: { message_id: "wamid.out", emoji: "👍" } },
      {
        id: "m5",
        from: "1",
        type: "audio",
        audio: { id: "media-1", mime_type: "audio/ogg; codecs=opus", voice: true },
      },
      { id: "m6", from: "1", type: "image", image: { id: "media-2", mime_type: "image/jpeg", caption: "the dent" } },
      { id: "m7", from: "1", type: "order" },
    ];
    const events =
      parseMetaWebhook({
        object: "whatsapp_business_account",
        entry: [{ changes: [change("111", { messages })] }],
      })?.[0]?.events ?? [];
    const contents = events.map((e) => (e.type === "message" ? e.content : null));
    expect(contents[0]).toMatchObject({ type: "location", latitude: 52.37, name: "Showroom" });
    expect(contents[1]).toMatchObject({
      type: "contacts",
      contacts: [{ name: "Piet", phones: ["+31 6 1"], emails: [] }],
    });
    expect(contents[2]).toEqual({ type: "reply", id: "yes", title: "Yes please" });
    expect(contents[3]).toEqual({ type: "reaction", emoji: "👍", toExternalId: "wamid.out", toMessageId: null });
    expect(contents[4]).toEqual({ type: "media", mediaKind: "voice", state: "pending" });
    expect(events[4]).toMatchObject({ media: { ref: "media-1", kind: "voice", mimeType: "audio/ogg; codecs=opus" } });
    expect(events[5]).toMatchObject({ text: "the dent", media: { ref: "media-2", kind: "image" } });
    expect(contents[6]).toEqual({ type: "unsupported", originalType: "order" });
  });

  it("maps statuses, with the failure reason, and skips what it cannot read", () => {
    const events =
      parseMetaWebhook({
        object: "whatsapp_business_account",
        entry: [
          {
            changes: [
              change("111", {
                statuses: [
                  { id: "w1", status: "read", timestamp: "1764590100", recipient_id: "1" },
                  {
                    id: "w2",
                    status: "failed",
                    timestamp: "1764590100",
                    errors: [{ code: 131047, title: "Re-engagement message" }],
                  },
                  { id: "w3", status: "deleted" },
                  { nonsense: true },
                ],
              }),
              { field: "messages", value: { no: "metadata" } },
            ],
          },
        ],
      })?.[0]?.events ?? [];
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ type: "status", externalId: "w1", status: "READ", error: null });
    expect(events[1]).toMatchObject({ status: "FAILED", error: { code: "reply_window_closed", retryable: false } });
  });

  it("refuses what is not a Meta envelope", () => {
    expect(parseMetaWebhook({ hello: "world" })).toBeNull();
    expect(parseMetaWebhook(null)).toBeNull();
    expect(parseMetaWebhook({ object: "instagram", entry: [] })).toEqual([]);
  });
});

describe("parseMetaWebhook (Messenger)", () => {
  it("records messages and attachments, ignores echoes, turns receipts into watermarks", () => {
    const routed = parseMetaWebhook({
      object: "page",
      entry: [
        {
          id: "900",
          time: 1764590000000,
          messaging: [
            {
              sender: { id: "psid-1" },
              recipient: { id: "900" },
              timestamp: 1764590000000,
              message: { mid: "m_1", text: "Is the Golf still there?" },
            },
            {
              sender: { id: "900" },
              recipient: { id: "psid-1" },
              timestamp: 1764590000001,
              message: { mid: "m_2", text: "echo", is_echo: true },
            },
            {
              sender: { id: "psid-1" },
              recipient: { id: "900" },
              timestamp: 1764590000002,
              message: { mid: "m_3", attachments: [{ type: "image", payload: { url: "https://cdn.example/x.jpg" } }] },
            },
            { sender: { id: "psid-1" }, recipient: { id: "900" }, delivery: { watermark: 1764590000500 } },
            { sender: { id: "psid-1" }, recipient: { id: "900" }, read: { watermark: 1764590000600 } },
          ],
        },
      ],
    });
    expect(routed?.[0]?.routeKey).toBe("messenger:900");
    const events = routed?.[0]?.events ?? [];
    expect(events.map((e) => e.type)).toEqual(["message", "message", "watermark", "watermark"]);
    expect(events[1]).toMatchObject({ externalId: "m_3", media: { ref: "https://cdn.example/x.jpg", kind: "image" } });
    expect(events[3]).toMatchObject({ status: "READ", upTo: new Date(1764590000600) });
  });
});

describe("reply windows", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  it("WhatsApp: open for 24 hours after the customer wrote, then templates only", () => {
    expect(whatsappReplyWindow(hoursAgo(23), now)).toEqual({
      state: "open",
      closesAt: "2026-12-01T13:00:00.000Z",
      templates: true,
    });
    expect(whatsappReplyWindow(hoursAgo(25), now)).toEqual({ state: "closed", closesAt: null, templates: true });
    expect(whatsappReplyWindow(null, now).state).toBe("closed");
  });
  it("Messenger: 24 hours, then a person for 7 days (HUMAN_AGENT), then closed", () => {
    expect(messengerReplyWindow(hoursAgo(2), now).state).toBe("open");
    expect(messengerReplyWindow(hoursAgo(30), now)).toEqual({
      state: "human_agent",
      closesAt: "2026-12-07T06:00:00.000Z",
      templates: false,
    });
    expect(messengerReplyWindow(hoursAgo(24 * 7 + 1), now).state).toBe("closed");
  });
});

describe("Graph failures", () => {
  it("retries what may pass (5xx, 429, throttling), never what Meta refused", () => {
    expect(graphFailure(500, null)).toMatchObject({ code: "service_error", retryable: true });
    expect(graphFailure(429, null)).toMatchObject({ code: "rate_limited", retryable: true });
    expect(graphFailure(400, { error: { code: 130429 } })).toMatchObject({ retryable: true });
    expect(graphFailure(400, { error: { code: 131047 } })).toMatchObject({
      code: "reply_window_closed",
      retryable: false,
    });
    expect(graphFailure(400, { error: { code: 131053 } })).toMatchObject({
      code: "media_upload_failed",
      retryable: false,
    });
    expect(graphFailure(401, { error: { code: 190 } })).toMatchObject({ code: "token_invalid", retryable: false });
    expect(graphFailure(400, { error: { code: 10, error_subcode: 2018278 } })).toMatchObject({
      code: "reply_window_closed",
    });
    expect(graphFailure(400, { error: { code: 100, message: "Invalid parameter" } })).toMatchObject({
      code: "rejected",
      retryable: false,
    });
  });
});

describe("templates", () => {
  it("counts and fills {{n}} variables", () => {
    const body = "Hi {{1}}, your {{2}} is ready. See you, {{1}}!";
    expect(templateVariableCount(body)).toBe(2);
    expect(fillTemplate(body, ["Ann", "Golf"])).toBe("Hi Ann, your Golf is ready. See you, Ann!");
    expect(fillTemplate(body, ["Ann"])).toBe("Hi Ann, your {{2}} is ready. See you, Ann!");
    expect(templateVariableCount("No variables")).toBe(0);
  });
});
