import { describe, expect, it } from "vitest";
import { metaSignatureOf } from "@forecourt/channels";
import { createMetaChannel } from "@forecourt/core/channels/test-helpers";
import { createTestTenant, ownerDb } from "@forecourt/testing";
import { GET, POST } from "./route";

/*
 * The Meta callback route as Meta calls it: raw bytes, X-Hub-Signature-256, batched payloads,
 * redeliveries. Real PostgreSQL; the route module is called with real Request objects.
 */

const enc = new TextEncoder();

function post(body: unknown, appSecret: string | null, signature?: string) {
  const raw = enc.encode(JSON.stringify(body));
  const headers: Record<string, string> = { "content-type": "application/json" };
  const sig = signature ?? (appSecret ? metaSignatureOf(raw, appSecret) : undefined);
  if (sig) headers["x-hub-signature-256"] = sig;
  return POST(new Request("http://localhost/api/hooks/meta", { method: "POST", headers, body: raw }));
}

const wa = (phoneNumberId: string, value: Record<string, unknown>) => ({
  field: "messages",
  value: {
    messaging_product: "whatsapp",
    metadata: { phone_number_id: phoneNumberId, display_phone_number: "31200000000" },
    ...value,
  },
});
const text = (id: string, from: string, body: string, timestamp = Math.floor(Date.now() / 1000)) => ({
  id,
  from,
  timestamp: String(timestamp),
  type: "text",
  text: { body },
});
const envelope = (...changes: unknown[]) => ({
  object: "whatsapp_business_account",
  entry: changes.map((c) => ({ id: "waba", changes: [c] })),
});

async function whatsappTenant(label = "Meta") {
  const tenant = await createTestTenant(label);
  return { ...tenant, ...(await createMetaChannel(tenant, "WHATSAPP")) };
}

const messagesOf = (customerId: string) =>
  ownerDb().message.findMany({ where: { customerId }, orderBy: [{ conversationId: "asc" }, { seq: "asc" }] });

describe("GET /api/hooks/meta (verification handshake)", () => {
  it("echoes the challenge for a verify token we generated, 403 otherwise", async () => {
    const t = await whatsappTenant();
    const ok = await GET(
      new Request(
        `http://localhost/api/hooks/meta?hub.mode=subscribe&hub.verify_token=${t.verifyToken}&hub.challenge=8391`,
      ),
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("8391");
    const wrong = await GET(
      new Request(
        "http://localhost/api/hooks/meta?hub.mode=subscribe&hub.verify_token=nope-nope-nope&hub.challenge=8391",
      ),
    );
    expect(wrong.status).toBe(403);
    const mode = await GET(
      new Request(`http://localhost/api/hooks/meta?hub.mode=other&hub.verify_token=${t.verifyToken}&hub.challenge=1`),
    );
    expect(mode.status).toBe(403);
  });
});

describe("POST /api/hooks/meta", () => {
  it("refuses a forged or missing signature with 401 and writes nothing", async () => {
    const t = await whatsappTenant();
    const body = envelope(wa(t.externalId, { messages: [text(`wamid.forged-${t.externalId}`, "31600000001", "hi")] }));
    expect((await post(body, "not-the-secret")).status).toBe(401);
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, null, "sha256=" + "0".repeat(64))).status).toBe(401);
    expect(await messagesOf(t.customer.id)).toHaveLength(0);
    expect(await ownerDb().contact.count({ where: { customerId: t.customer.id } })).toBe(0);
  });

  it("records 3 messages from 2 changes, and nothing more when Meta redelivers", async () => {
    const t = await whatsappTenant();
    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba",
          changes: [
            wa(t.externalId, {
              contacts: [{ wa_id: "31611111111", profile: { name: "Anna de Vries" } }],
              messages: [
                text(`wamid.a1-${t.externalId}`, "31611111111", "Is the Golf still available?"),
                text(`wamid.a2-${t.externalId}`, "31611111111", "Tomorrow?"),
              ],
            }),
            wa(t.externalId, {
              contacts: [{ wa_id: "31622222222", profile: { name: "Bram" } }],
              messages: [text(`wamid.b1-${t.externalId}`, "31622222222", "Service appointment please")],
            }),
          ],
        },
      ],
    };
    const first = await post(body, t.appSecret);
    expect(first.status).toBe(200);
    expect((await first.json()) as unknown).toMatchObject({ received: { recorded: 3, duplicates: 0 } });
    const again = await post(body, t.appSecret);
    expect(again.status).toBe(200);
    expect((await again.json()) as unknown).toMatchObject({ received: { recorded: 0, duplicates: 3 } });

    const messages = await messagesOf(t.customer.id);
    expect(messages.map((m) => m.body).sort()).toEqual([
      "Is the Golf still available?",
      "Service appointment please",
      "Tomorrow?",
    ]);
    expect(messages.every((m) => m.authorType === "CONTACT" && m.externalId?.startsWith("wamid."))).toBe(true);
    const conversations = await ownerDb().conversation.findMany({
      where: { customerId: t.customer.id },
      include: { contact: true },
    });
    expect(conversations).toHaveLength(2);
    const anna = conversations.find((c) => c.contact.name === "Anna de Vries");
    expect(anna).toMatchObject({ lastSeq: 2, status: "OPEN", channelId: t.channel.id });
    expect(anna?.contact).toMatchObject({ phone: "+31611111111", legalBasis: "CONTRACT" });
    expect(anna?.lastInboundAt).not.toBeNull();
  });

  it("records concurrent first messages of one person as one contact and one conversation", async () => {
    const t = await whatsappTenant();
    const bodies = Array.from({ length: 6 }, (_, i) =>
      envelope(wa(t.externalId, { messages: [text(`wamid.race${i}-${t.externalId}`, "31633333333", `burst ${i}`)] })),
    );
    const responses = await Promise.all(bodies.map((b) => post(b, t.appSecret)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await ownerDb().contact.count({ where: { customerId: t.customer.id } })).toBe(1);
    const conversations = await ownerDb().conversation.findMany({ where: { customerId: t.customer.id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.lastSeq).toBe(6);
    expect((await messagesOf(t.customer.id)).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("keys a contact without a phone number on its BSUID, and joins the phone number when it appears", async () => {
    const t = await whatsappTenant();
    const bsuid = `NL.${t.externalId}`;
    await post(
      envelope(
        wa(t.externalId, {
          contacts: [{ user_id: bsuid, profile: { name: "@carla" } }],
          messages: [{ id: `wamid.u1-${t.externalId}`, from_user_id: bsuid, type: "text", text: { body: "hoi" } }],
        }),
      ),
      t.appSecret,
    );
    await post(
      envelope(
        wa(t.externalId, {
          messages: [{ ...text(`wamid.u2-${t.externalId}`, "31644444444", "my number now"), from_user_id: bsuid }],
        }),
      ),
      t.appSecret,
    );
    const contacts = await ownerDb().contact.findMany({
      where: { customerId: t.customer.id },
      include: { identities: true },
    });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.name).toBe("@carla");
    expect(contacts[0]?.identities.map((i) => i.externalId).sort()).toEqual([`bsuid:${bsuid}`, "wa_id:31644444444"]);
  });

  it("never lands tenant A's phone number in tenant B, even signed with B's secret", async () => {
    const a = await whatsappTenant("A");
    const b = await whatsappTenant("B");
    const body = envelope(wa(a.externalId, { messages: [text(`wamid.iso-${a.externalId}`, "31655555555", "for A")] }));
    expect((await post(body, b.appSecret)).status).toBe(401);
    expect(await messagesOf(b.customer.id)).toHaveLength(0);
    expect(await messagesOf(a.customer.id)).toHaveLength(0);
    expect((await post(body, a.appSecret)).status).toBe(200);
    expect(await messagesOf(a.customer.id)).toHaveLength(1);
    expect(await messagesOf(b.customer.id)).toHaveLength(0);
  });

  it("records nothing for a disabled channel (and still answers 200 so Meta stops)", async () => {
    const tenant = await createTestTenant("Disabled");
    const t = await createMetaChannel(tenant, "WHATSAPP", { status: "DISABLED" });
    const response = await post(
      envelope(wa(t.externalId, { messages: [text(`wamid.off-${t.externalId}`, "31666666666", "hi")] })),
      t.appSecret,
    );
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown).toMatchObject({ received: { recorded: 0, disabled: 1 } });
    expect(await messagesOf(tenant.customer.id)).toHaveLength(0);
  });

  it("moves delivery status only forward: read before delivered ends read", async () => {
    const t = await whatsappTenant();
    await post(
      envelope(wa(t.externalId, { messages: [text(`wamid.in-${t.externalId}`, "31677777777", "hello")] })),
      t.appSecret,
    );
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: t.customer.id } });
    const outbound = await ownerDb().message.create({
      data: {
        customerId: t.customer.id,
        conversationId: conversation.id,
        seq: 2,
        clientId: "agent-reply-1",
        authorType: "AGENT",
        body: "Yes, it is",
        externalId: `wamid.out-${t.externalId}`,
        deliveryStatus: "SENT",
      },
    });
    const status = (s: string, ts: number) => ({
      id: outbound.externalId,
      status: s,
      timestamp: String(ts),
      recipient_id: "31677777777",
    });
    await post(
      envelope(
        wa(t.externalId, {
          statuses: [status("read", 1764590300), status("delivered", 1764590200), status("sent", 1764590100)],
        }),
      ),
      t.appSecret,
    );
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: outbound.id } })).deliveryStatus).toBe("READ");
    await post(
      envelope(
        wa(t.externalId, {
          statuses: [{ ...status("failed", 1764590400), errors: [{ code: 131026, title: "Undeliverable" }] }],
        }),
      ),
      t.appSecret,
    );
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: outbound.id } })).deliveryStatus).toBe("READ");
  });

  it("refuses what is not JSON or not a Meta payload with 400, and bodies over 2 MB with 413", async () => {
    const raw = enc.encode("{not json");
    const bad = await POST(new Request("http://localhost/api/hooks/meta", { method: "POST", body: raw }));
    expect(bad.status).toBe(400);
    expect((await post({ hello: "world" }, "x")).status).toBe(400);
    const huge = await POST(
      new Request("http://localhost/api/hooks/meta", { method: "POST", body: new Uint8Array(2 * 1024 * 1024 + 1) }),
    );
    expect(huge.status).toBe(413);
  });

  it("Messenger: records the customer's messages, ignores echoes of our own, applies read watermarks", async () => {
    const tenant = await createTestTenant("Messenger");
    const m = await createMetaChannel(tenant, "MESSENGER");
    const psid = `77${m.externalId}`;
    const now = Date.now();
    const event = (extra: Record<string, unknown>, sender = psid, recipient = m.externalId) => ({
      sender: { id: sender },
      recipient: { id: recipient },
      timestamp: now,
      ...extra,
    });
    await post(
      {
        object: "page",
        entry: [
          {
            id: m.externalId,
            time: now,
            messaging: [
              event({ message: { mid: `m_in-${m.externalId}`, text: "Do you have winter tyres?" } }),
              event(
                { message: { mid: `m_echo-${m.externalId}`, text: "our own reply", is_echo: true } },
                m.externalId,
                psid,
              ),
            ],
          },
        ],
      },
      m.appSecret,
    );
    const messages = await messagesOf(tenant.customer.id);
    expect(messages.map((x) => x.body)).toEqual(["Do you have winter tyres?"]);
    const conversation = await ownerDb().conversation.findFirstOrThrow({ where: { customerId: tenant.customer.id } });
    const sent = await ownerDb().message.create({
      data: {
        customerId: tenant.customer.id,
        conversationId: conversation.id,
        seq: 2,
        clientId: "agent-reply-m",
        authorType: "AGENT",
        body: "Yes",
        externalId: `m_out-${m.externalId}`,
        deliveryStatus: "SENT",
        createdAt: new Date(now - 1000),
      },
    });
    await post(
      {
        object: "page",
        entry: [{ id: m.externalId, time: now, messaging: [event({ read: { watermark: now + 1000 } })] }],
      },
      m.appSecret,
    );
    expect((await ownerDb().message.findUniqueOrThrow({ where: { id: sent.id } })).deliveryStatus).toBe("READ");
  });
});
