/**
 * The fuzz tier (issue 9): fast-check drives arbitrary input into every public input of the web
 * app: every handler that routes, server actions and pages call (signed in as a tenant admin,
 * as provider staff without two-factor, and signed out), the widget's HTTP handlers and visitor
 * token, the body readers, and sign-in. Asserted for every call: it answers, with success or a
 * 4xx refusal, never a thrown error (a 500) and never an unhandled rejection. Bounded runs
 * (FUZZ_RUNS per entry point) with a fixed seed, so a failure is reproducible.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSessionContext, type TSessionContext } from "@forecourt/core/accounts/get-session-context";
import { signInWithPassword } from "@forecourt/core/accounts/sign-in-with-password";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { createChatTenant, TEST_ORIGIN } from "@forecourt/core/chat/test-helpers";
import { redis } from "@forecourt/core/infra/redis";
import { createTestUser, ownerDb } from "@forecourt/testing";
import { readJson, readUpload, routeMeta } from "./chat-http";
import * as account from "./handlers/account";
import * as apiKeys from "./handlers/api-keys";
import * as audit from "./handlers/audit";
import * as channels from "./handlers/channels";
import * as contactsPages from "./handlers/contacts-pages";
import * as contract from "./handlers/contract";
import * as dataProtection from "./handlers/data-protection";
import * as inbox from "./handlers/inbox";
import * as inboxChannels from "./handlers/inbox-channels";
import * as inboxPage from "./handlers/inbox-page";
import * as provider from "./handlers/provider";
import * as publicHandlers from "./handlers/public";
import { toFailure, type THandler, type THandlerResult } from "./handlers/result";
import * as security from "./handlers/security";
import * as storage from "./handlers/storage";
import * as users from "./handlers/users";
import * as widget from "./handlers/widget";
import * as hooks from "./handlers/hooks";
import { metaSignatureOf } from "@forecourt/channels";
import { createMetaChannel, createSmsChannel } from "@forecourt/core/channels/test-helpers";
import { createTelegramChannel } from "@forecourt/core/channels/telegram-test-helpers";
import { getConfig } from "@forecourt/config";
import twilioSdk from "twilio";

const FUZZ_RUNS = 25;
const SEED = 20261201;
const APP = "http://localhost:3100";

/** Strings an attacker tries: NUL, RTL overrides, huge emoji runs, SQL and HTML, numbers as text. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\u202Eevil\u202C",
    "😀".repeat(2_500),
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "99999999999",
    "-1",
    "NaN",
    "",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "v1.--------------------------------------.xxxxxxxxxxxxxxxxxxxx",
    "2026-02-30",
  ),
);
const number = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(99_999_999_999, Number.MAX_SAFE_INTEGER, -0, Number.NaN, Number.POSITIVE_INFINITY),
);
const leaf = fc.oneof(nasty, number, fc.boolean(), fc.constant(null), fc.constant(undefined), fc.uuid());
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("any"), { maxLength: 4 }),
    fc.dictionary(nasty, tie("any"), { maxKeys: 4 }),
  ),
})).any;
/** Field names the real schemas use, so fuzzed objects get past the first checks and deeper in. */
const FIELDS = [
  "id",
  "customerId",
  "conversationId",
  "contactId",
  "membershipId",
  "subscriptionId",
  "userId",
  "dealerId",
  "sessionId",
  "clientId",
  "body",
  "before",
  "view",
  "q",
  "c",
  "months",
  "email",
  "role",
  "name",
  "code",
  "token",
  "password",
  "kind",
  "action",
  "assigneeId",
  "departmentId",
  "until",
  "amount",
  "date",
  "reason",
  "noticeDate",
  "suspend",
  "confirm",
  "locale",
  "dealerIds",
  "vehicles",
  "templateId",
  "variables",
  "channelType",
  "channel",
  "file",
  "key",
  "origin",
  "channelId",
  "enabled",
  "config",
  "secrets",
  "to",
  "text",
] as const;
const input = fc.oneof(
  value,
  fc.record(Object.fromEntries(FIELDS.map((f) => [f, value])) as Record<(typeof FIELDS)[number], typeof value>, {
    requiredKeys: [],
  }),
);

/** What can travel in an HTTP header at all (the server's HTTP parser refuses the rest before us). */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, "");

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

/** Success, or a refusal with a 4xx status: never a throw (which a route answers with 500). */
async function answers(result: Promise<THandlerResult<unknown>>, label: string): Promise<void> {
  const settled = await result.then(
    (r) => r,
    (error: unknown) => {
      throw new Error(`${label} threw (would be a 500): ${error instanceof Error ? error.stack : String(error)}`);
    },
  );
  if (!settled.ok) expect(settled.status, `${label}: ${settled.error}`).toBeGreaterThanOrEqual(400);
  if (!settled.ok) expect(settled.status, `${label}: ${settled.error}`).toBeLessThan(500);
}

const SESSION_MODULES = {
  account,
  apiKeys,
  audit,
  channels,
  contactsPages,
  contract,
  dataProtection,
  inbox,
  inboxChannels,
  inboxPage,
  provider,
  security,
  storage,
  users,
};
const sessionHandlers = Object.entries(SESSION_MODULES).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([name, fn]) => typeof fn === "function" && /^(handle|load)/.test(name))
    .map(([name, fn]) => [`${module}.${name}`, fn as THandler<unknown>] as const),
);

let admin: TSessionContext;
let support: TSessionContext;
let visitorToken: string;
let widgetKey: string;

async function sessionOf(email: string, password: string) {
  const signedIn = await signInWithPassword({ email, password, ip: "10.77.0.1", userAgent: "fuzz" });
  if (!signedIn.ok) throw new Error("sign-in failed");
  return (await getSessionContext(signedIn.sessionId))!;
}

let customerId = "";
let dealerId = "";
let whatsapp: Awaited<ReturnType<typeof createMetaChannel>>;
let messenger: Awaited<ReturnType<typeof createMetaChannel>>;
let sms: Awaited<ReturnType<typeof createSmsChannel>>;
let telegram: Awaited<ReturnType<typeof createTelegramChannel>>;

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  const t = await createChatTenant("Fuzz");
  customerId = t.customer.id;
  dealerId = t.dealer.id;
  widgetKey = t.channel.publicKey;
  whatsapp = await createMetaChannel(t, "WHATSAPP");
  messenger = await createMetaChannel(t, "MESSENGER");
  sms = await createSmsChannel(t);
  telegram = await createTelegramChannel(t);
  const a = await createTestUser({ customerId: t.customer.id, role: "ADMIN" });
  admin = await sessionOf(a.user.email, a.password);
  const s = await createTestUser({ providerRole: "SUPPORT" });
  support = await sessionOf(s.user.email, s.password);
  const started = await startVisitorConversation({
    input: { key: t.channel.publicKey, origin: TEST_ORIGIN, name: "Fuzz Visitor", consent: true },
  });
  visitorToken = started.token;
});

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await ownerDb().customer.deleteMany({ where: { id: customerId } });
  redis().disconnect();
});

describe("fuzz: every handler answers arbitrary input with success or a 4xx", () => {
  it("covers the handler modules (a new module must be listed here)", () => {
    expect(sessionHandlers.length).toBeGreaterThan(45);
  });

  for (const [name, handler] of sessionHandlers) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(
          input,
          fc.constantFrom<"admin" | "support" | "none">("admin", "support", "none"),
          async (raw, who) => {
            const session = who === "admin" ? admin : who === "support" ? support : null;
            await answers(handler(session, raw, { ip: "10.77.0.2" }), `${name} as ${who}`);
          },
        ),
        { numRuns: FUZZ_RUNS, seed: SEED },
      );
    });
  }

  for (const [name, handler] of Object.entries(publicHandlers)) {
    it(`public.${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(input, async (raw) => answers(handler(raw, { ip: "10.77.0.3" }), name)),
        { numRuns: FUZZ_RUNS, seed: SEED },
      );
    });
  }

  it("widget visitor handlers, with real and forged tokens", async () => {
    const token = fc.oneof(fc.constant(visitorToken), fc.constant(null), nasty);
    await fc.assert(
      fc.asyncProperty(token, input, async (t, raw) => {
        await answers(widget.handleVisitorConversation(t, raw), "visitor conversation");
        await answers(widget.handleVisitorMessages(t, raw), "visitor messages");
        await answers(widget.handleVisitorUpload(t, raw), "visitor upload");
      }),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
  });

  it("Meta webhooks: arbitrary bytes and signatures, and arbitrary payloads correctly signed for a real channel", async () => {
    const enc = new TextEncoder();
    const waValue = fc.record({
      metadata: fc.record({ phone_number_id: fc.constant(whatsapp.externalId) }),
      contacts: fc.array(value, { maxLength: 3 }),
      messages: fc.array(
        fc.oneof(
          value,
          fc.record({
            id: nasty,
            from: nasty,
            from_user_id: nasty,
            type: nasty,
            text: value,
            timestamp: nasty,
            location: value,
            reaction: value,
            audio: value,
          }),
        ),
        { maxLength: 3 },
      ),
      statuses: fc.array(fc.oneof(value, fc.record({ id: nasty, status: nasty, timestamp: nasty, errors: value })), {
        maxLength: 3,
      }),
    });
    const payload = fc.oneof(
      value,
      fc.record({
        object: fc.constant("whatsapp_business_account"),
        entry: fc.array(
          fc.record({
            changes: fc.array(fc.record({ field: fc.constant("messages"), value: waValue }), { maxLength: 2 }),
          }),
          { maxLength: 2 },
        ),
      }),
      fc.record({
        object: fc.constant("page"),
        entry: fc.array(
          fc.record({ id: fc.constant(messenger.externalId), messaging: fc.array(value, { maxLength: 3 }) }),
          { maxLength: 2 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(payload, nasty, fc.boolean(), async (body, signature, signed) => {
        const raw = enc.encode(JSON.stringify(body) ?? "null");
        const secret = JSON.stringify(body).includes("page") ? messenger.appSecret : whatsapp.appSecret;
        await answers(
          hooks.handleMetaWebhook(raw, signed ? metaSignatureOf(raw, secret) : headerSafe(signature)),
          "meta webhook",
        );
      }),
      { numRuns: FUZZ_RUNS * 4, seed: SEED },
    );
    await fc.assert(
      fc.asyncProperty(input, async (raw) => answers(hooks.handleMetaSubscription(raw), "meta handshake")),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
  });

  it("Twilio webhooks: arbitrary bytes and signatures, and arbitrary forms correctly signed for a real SMS channel", async () => {
    const field = fc.oneof(nasty, fc.constant(sms.accountSid), fc.constant(sms.fromNumber), fc.constant("5"));
    const form = fc.record(
      {
        MessageSid: fc.oneof(nasty, fc.constant(`SM${"a".repeat(32)}`)),
        AccountSid: field,
        From: field,
        To: field,
        Body: nasty,
        NumMedia: field,
        MediaUrl0: nasty,
        MediaContentType0: nasty,
        MessageStatus: fc.oneof(nasty, fc.constantFrom("sent", "delivered", "failed", "undelivered")),
        ErrorCode: nasty,
        OptOutType: nasty,
      },
      { requiredKeys: [] },
    );
    const channelId = fc.oneof(fc.constant(sms.channel.id), nasty);
    await fc.assert(
      fc.asyncProperty(
        form,
        channelId,
        fc.constantFrom<"inbound" | "status">("inbound", "status"),
        fc.boolean(),
        nasty,
        async (params, id, kind, signed, signature) => {
          const url = `${getConfig().WEB_URL}/api/hooks/twilio/${id}${kind === "status" ? "/status" : ""}`;
          const clean = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
          await answers(
            hooks.handleTwilioWebhook({
              channelId: id,
              kind,
              rawBody: new TextEncoder().encode(new URLSearchParams(clean).toString()),
              signature: signed
                ? twilioSdk.getExpectedTwilioSignature(sms.authToken, url, clean)
                : headerSafe(signature),
            }),
            "twilio webhook",
          );
        },
      ),
      { numRuns: FUZZ_RUNS * 4, seed: SEED },
    );
  });

  it("Telegram webhooks: arbitrary bytes, channel ids and secrets, and arbitrary updates with the real secret", async () => {
    const enc = new TextEncoder();
    const message = fc.oneof(
      value,
      fc.record({
        message_id: fc.oneof(fc.integer(), value),
        date: fc.oneof(fc.integer({ min: 0, max: 2_000_000_000 }), value),
        chat: fc.oneof(value, fc.record({ id: fc.integer(), type: fc.constantFrom("private", "group", "x") })),
        from: fc.oneof(value, fc.record({ id: fc.integer(), first_name: nasty, is_bot: fc.boolean() })),
        text: fc.oneof(nasty, value),
        caption: nasty,
        photo: value,
        voice: value,
        document: value,
        location: value,
        venue: value,
        contact: value,
        sticker: value,
      }),
    );
    const update = fc.oneof(
      value,
      fc.record(
        {
          update_id: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), value),
          message,
          edited_message: message,
          my_chat_member: value,
        },
        { requiredKeys: ["update_id"] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(update, nasty, fc.boolean(), fc.boolean(), async (body, secret, real, realChannel) => {
        await answers(
          hooks.handleTelegramWebhook(
            realChannel ? telegram.channelId : headerSafe(secret),
            enc.encode(JSON.stringify(body) ?? "null"),
            real ? telegram.webhookSecret : headerSafe(secret),
          ),
          "telegram webhook",
        );
      }),
      { numRuns: FUZZ_RUNS * 4, seed: SEED },
    );
  });

  it("widget HTTP handlers (config, frame, new chat, attachment links) with arbitrary queries, headers and bodies", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, value, async (key, origin, body) => {
        const query = new URLSearchParams({ key, origin }).toString();
        const headers = {
          origin: TEST_ORIGIN,
          "content-type": "application/json",
          "x-forecourt-frame": headerSafe(origin),
        };
        await answers(
          widget.handleWidgetConfig(new Request(`${APP}/api/widget/config?${query}`, { headers })),
          "config",
        );
        await answers(widget.handleWidgetFrame(new Request(`${APP}/widget/frame?${query}`)), "frame");
        const json = JSON.stringify(body === undefined ? null : body) ?? "null";
        await answers(
          widget.handleStartConversation(
            new Request(`${APP}/api/widget/conversations`, {
              method: "POST",
              headers,
              body: typeof body === "object" && body ? JSON.stringify({ key: widgetKey, ...body }) : json,
            }),
          ),
          "start conversation",
        );
        await answers(
          widget.handleAttachment({ customerId: key, attachmentId: origin, exp: key, sig: origin }),
          "attachment",
        );
      }),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
  });

  it("body readers: arbitrary bytes and content types are refused with 4xx, never thrown as bugs", async () => {
    const contentType = fc.oneof(
      nasty,
      fc.constantFrom("application/json", "multipart/form-data; boundary=x", "text/plain", "multipart/form-data"),
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_048 }), contentType, async (bytes, type) => {
        for (const read of [readJson, readUpload]) {
          const request = new Request(`${APP}/api/x`, {
            method: "POST",
            headers: { "content-type": headerSafe(type) || "text/plain" },
            body: bytes,
          });
          const result = await read(request).then(
            () => ({ ok: true as const, data: null }),
            (error: unknown) => {
              const failure = toFailureOrThrow(error);
              return failure;
            },
          );
          await answers(Promise.resolve(result), `${read.name} ${type}`);
        }
        expect(routeMeta(new Request(`${APP}/`, { headers: { "x-forwarded-for": "1.2.3.4" } })).ip).not.toBe("1.2.3.4");
      }),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
  });

  it("connecting WhatsApp and Messenger with well-shaped but arbitrary values (some valid, some taken) answers", async () => {
    // Digits from a small range: some connects succeed, later ones hit a number already connected.
    const id = fc.oneof(
      nasty,
      fc.integer({ min: 1, max: 20 }).map((n) => `9900${n}`),
    );
    const dealer = fc.oneof(fc.constant(dealerId), fc.constant(dealerId), fc.uuid(), nasty);
    const secret = fc.oneof(
      nasty,
      fc.string({ minLength: 8, maxLength: 40 }).map((t) => t.replace(/\s/g, "x")),
    );
    await fc.assert(
      fc.asyncProperty(
        dealer,
        id,
        id,
        nasty,
        secret,
        secret,
        async (dealerOrNot, first, second, text, token, appSecret) => {
          const base = { dealerId: dealerOrNot, name: text.slice(0, 100) };
          await answers(
            channels.handleConnectWhatsApp(admin, {
              ...base,
              config: { phoneNumberId: first, wabaId: second, displayPhoneNumber: text },
              secrets: { accessToken: token, appSecret },
            }),
            "connect WhatsApp",
          );
          await answers(
            channels.handleConnectMessenger(admin, {
              ...base,
              config: { pageId: second, pageName: text },
              secrets: { pageAccessToken: token, appSecret },
            }),
            "connect Messenger",
          );
        },
      ),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
    // Whatever was connected answers its connection info, and takes new credentials.
    const page = await channels.loadChannelsPage(admin);
    expect(page.ok && page.data.meta.length, "some connects got through the schema").toBeGreaterThan(0);
    for (const info of page.ok ? page.data.meta : []) {
      await answers(
        channels.handleUpdateChannelCredentials(admin, {
          channelId: info.channelId,
          secrets: { appSecret: "new-app-secret" },
        }),
        "credentials",
      );
    }
  });

  it("sign-in with arbitrary e-mails, passwords and codes answers, never throws", async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, fc.option(nasty, { nil: undefined }), async (email, password, totpCode) => {
        const result = await signInWithPassword({ email, password, totpCode, ip: "10.77.0.9", userAgent: null });
        expect(result.ok).toBe(false);
      }),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
  });

  it("left no unhandled rejection behind", async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rejections).toEqual([]);
  });
});

/** A reader's refusal as a result; anything that is not core's vocabulary is a bug and rethrown. */
function toFailureOrThrow(error: unknown) {
  const failure = toFailure(error);
  if (!failure) throw error;
  return failure;
}
