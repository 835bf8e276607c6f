import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { discardStoredFile, storeAttachment } from "@forecourt/core/storage/attachments";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";
import { silentOggOpus } from "./ogg-opus";

// A WhatsApp conversation in the inbox: the channel's icon and filter, a location card, a voice
// note that plays, delivery ticks and a failure with Retry, and, with the 24-hour window
// closed, free text refused and an approved template sent from the picker.
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

type TSeeded = Awaited<ReturnType<typeof seedWhatsAppConversation>>;

async function seedWhatsAppConversation() {
  const db = ownerDb();
  const customerId = amsterdam.customerId;
  const widget = await db.channel.findFirstOrThrow({ where: { publicKey: demoWidgetKey(customerId, amsterdam.slug) } });
  const suffix = Date.now().toString(36);
  const channel = await db.channel.create({
    data: {
      customerId,
      dealerId: widget.dealerId,
      type: "WHATSAPP",
      name: `WhatsApp e2e ${suffix}`,
      publicKey: `e2e-whatsapp-${suffix}`,
    },
  });
  await db.messageTemplate.createMany({
    data: [
      {
        customerId,
        channelId: channel.id,
        name: "service_reminder",
        language: "en",
        category: "UTILITY",
        status: "APPROVED",
        body: "Hello {{1}}, your {{2}} is due for its service. Reply to this message to book a time.",
        variableCount: 2,
      },
      {
        customerId,
        channelId: channel.id,
        name: "test_drive_follow_up",
        language: "nl",
        category: "MARKETING",
        status: "APPROVED",
        body: "Hoi {{1}}, bedankt voor je proefrit! Heb je nog vragen?",
        variableCount: 1,
      },
      {
        customerId,
        channelId: channel.id,
        name: "not_yet_approved",
        language: "en",
        category: "MARKETING",
        status: "PENDING",
        body: "Pending {{1}}",
        variableCount: 1,
      },
    ],
  });
  const contact = await db.contact.create({
    data: { customerId, name: `Wanda Jansen ${suffix}`, phone: "+31 6 1234 5678", legalBasis: "CONTRACT" },
  });
  // The customer last wrote 25 h ago: the window has closed.
  const lastInboundAt = ago(25 * HOUR);
  const conversation = await db.conversation.create({
    data: {
      customerId,
      dealerId: widget.dealerId,
      channelId: channel.id,
      contactId: contact.id,
      lastSeq: 8,
      lastInboundAt,
      lastMessageAt: new Date(Date.now() + 60_000),
    },
  });
  const voice = silentOggOpus(2);
  const storageKey = await storeAttachment(customerId, voice);
  const base = { customerId, conversationId: conversation.id, kind: "TEXT" as const };
  const rows = [
    { authorType: "CONTACT", body: "Hi! Is the blue Golf from your website still available?", at: ago(26 * HOUR) },
    {
      authorType: "CONTACT",
      body: "📍 Forecourt Amsterdam Damrak 1, Amsterdam",
      data: {
        type: "location",
        latitude: 52.3731,
        longitude: 4.8922,
        name: "Forecourt Amsterdam",
        address: "Damrak 1, 1012 LG Amsterdam",
      },
      at: ago(26 * HOUR - 60_000),
    },
    {
      authorType: "CONTACT",
      kind: "ATTACHMENT" as const,
      body: "Voice note",
      data: { type: "media", mediaKind: "voice", state: "stored" },
      at: ago(26 * HOUR - 120_000),
    },
    {
      authorType: "AGENT",
      body: "Yes, it is! Would you like to come for a test drive on Saturday?",
      deliveryStatus: "READ" as const,
      at: ago(25.8 * HOUR),
    },
    {
      authorType: "CONTACT",
      body: "Reacted 👍",
      data: { type: "reaction", emoji: "👍", toExternalId: "wamid.e2e-4", toMessageId: "" },
      at: lastInboundAt,
    },
    { authorType: "AGENT", body: "Great, 10:00 it is.", deliveryStatus: "DELIVERED" as const, at: ago(24.9 * HOUR) },
    {
      authorType: "AGENT",
      body: "The car will be ready for you.",
      deliveryStatus: "SENT" as const,
      at: ago(24.5 * HOUR),
    },
    {
      authorType: "AGENT",
      body: "Did everything go well?",
      deliveryStatus: "FAILED" as const,
      deliveryError: {
        code: "reply_window_closed",
        message:
          "More than 24 hours have passed since the customer last wrote. WhatsApp only allows an approved template now.",
        retryable: false,
      },
      at: ago(HOUR),
    },
  ];
  const ids: string[] = [];
  for (const [i, r] of rows.entries()) {
    const data = r.data?.type === "reaction" ? { ...r.data, toMessageId: ids[3]! } : (r.data as object | undefined);
    const message = await db.message.create({
      data: {
        ...base,
        seq: i + 1,
        clientId: `e2e-wa-${conversation.id}-${i + 1}`,
        authorType: r.authorType as "CONTACT" | "AGENT",
        kind: r.kind ?? "TEXT",
        body: r.body,
        data,
        deliveryStatus: r.deliveryStatus ?? null,
        deliveryError: r.deliveryError,
        deliveryAt: r.deliveryStatus ? r.at : null,
        externalId: `wamid.e2e-${suffix}-${i + 1}`,
        createdAt: r.at,
      },
    });
    ids.push(message.id);
    if (r.kind === "ATTACHMENT") {
      await db.attachment.create({
        data: {
          customerId,
          messageId: message.id,
          fileName: "voice-note.ogg",
          mimeType: "audio/ogg",
          sizeBytes: voice.length,
          sha256: createHash("sha256").update(voice).digest("hex"),
          storageKey,
        },
      });
    }
  }
  return { channel, contact, conversation, storageKey, ids };
}

async function openConversation(page: Page, seeded: TSeeded) {
  await page.goto(`/inbox?c=${seeded.conversation.id}`);
  await expect(page.getByTestId("conversation-title")).toHaveText(seeded.contact.name!);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
}

let seeded: TSeeded;

test.beforeAll(async () => {
  seeded = await seedWhatsAppConversation();
});

test.afterAll(async () => {
  // The channel's conversation, messages, attachment rows and templates go with it.
  await ownerDb().channel.delete({ where: { id: seeded.channel.id } });
  await discardStoredFile(seeded.storageKey);
});

test("a WhatsApp conversation: icon, location, voice note, reactions and delivery ticks", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 20_000 });
  await openConversation(page, seeded);

  const row = page.getByTestId("conversation-row").filter({ hasText: seeded.contact.name! });
  await expect(row.getByRole("img", { name: "WhatsApp" })).toHaveAttribute("data-channel-type", "WHATSAPP");
  await expect(page.getByTestId("conversation-header").getByRole("img", { name: "WhatsApp" })).toBeVisible();

  const location = page.getByTestId("location-card");
  await expect(location).toContainText("Forecourt Amsterdam");
  await expect(location).toContainText("Damrak 1, 1012 LG Amsterdam");
  await expect(location.getByRole("link", { name: "Open in map" })).toHaveAttribute(
    "href",
    "https://www.openstreetmap.org/?mlat=52.3731&mlon=4.8922#map=16/52.3731/4.8922",
  );

  // The voice note is an <audio> player on the signed link, and the browser can decode it.
  const audio = page.locator("audio");
  await expect(audio).toHaveCount(1);
  await expect(audio).toHaveAttribute("src", /\/api\/attachments\//);
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => (Number.isFinite(el.duration) ? el.duration : 0)))
    .toBeGreaterThan(1.5);
  await expect(page.getByText("Voice note", { exact: true })).toBeVisible();

  // The 👍 sits on the message it reacts to, not on a line of its own.
  const reacted = page.getByTestId("message").filter({ hasText: "Would you like to come for a test drive" });
  await expect(reacted.getByTestId("reactions")).toHaveText("👍");
  await expect(page.getByTestId("reaction-line")).toHaveCount(0);

  const status = (text: string) => page.getByTestId("message").filter({ hasText: text }).getByTestId("delivery");
  await expect(status("Would you like to come")).toHaveAttribute("data-status", "READ");
  await expect(status("10:00 it is")).toHaveAttribute("data-status", "DELIVERED");
  await expect(status("will be ready")).toHaveAttribute("data-status", "SENT");
  const failed = status("Did everything go well?");
  await expect(failed).toHaveAttribute("data-status", "FAILED");
  await expect(failed).toContainText("Not delivered");
  await expect(failed).toContainText("More than 24 hours have passed");
  await expect(failed.getByRole("button", { name: "Retry" })).toBeVisible();

  // Tall enough to show the whole conversation at once.
  await page.setViewportSize({ width: 1280, height: 1150 });
  await page.screenshot({ path: "test-results/inbox-whatsapp-desktop.png" });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The channel filter keeps to the URL and lists only that channel's conversations.
  await page.getByTestId("channel-filter").getByRole("button", { name: "WhatsApp" }).click();
  await expect(page).toHaveURL(/channel=WHATSAPP/);
  const rows = page.getByTestId("conversation-row");
  await expect(rows.first().locator("[data-channel-type]")).toHaveAttribute("data-channel-type", "WHATSAPP");
  for (const icon of await rows.locator("[data-channel-type]").all()) {
    await expect(icon).toHaveAttribute("data-channel-type", "WHATSAPP");
  }
  await page.reload();
  await expect(page.getByTestId("channel-filter").getByRole("button", { name: "WhatsApp" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("outside the 24-hour window: free text is off, Retry explains, and a template goes out", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 20_000 });
  await openConversation(page, seeded);

  const notice = page.getByTestId("reply-window");
  await expect(notice).toHaveAttribute("data-state", "closed");
  await expect(notice).toContainText("WhatsApp only accepts an approved template");
  await expect(page.getByTestId("composer")).toBeDisabled();
  await page.screenshot({ path: "test-results/inbox-window-closed-desktop.png" });

  // Retrying free text outside the window is refused with the reason, and the picker opens.
  await page.getByTestId("retry-delivery").click();
  await expect(page.getByRole("alert").filter({ hasText: "More than 24 hours" }).first()).toBeVisible();
  const picker = page.getByRole("dialog", { name: "Send a template" });
  await expect(picker).toBeVisible();
  await picker.getByRole("button", { name: "Cancel" }).click();
  await expect(picker).toBeHidden();

  await page.getByTestId("open-templates").click();
  await expect(picker).toBeVisible();
  await expect(picker.getByTestId("template-option")).toHaveCount(2);
  await expect(picker.getByTestId("template-search")).toBeFocused();
  await page.keyboard.type("service");
  await expect(picker.getByTestId("template-option")).toHaveCount(1);
  await expect(picker.getByTestId("template-option")).toContainText("service_reminder");
  await expect(picker.getByTestId("template-language")).toHaveText("en");
  await page.keyboard.press("Enter");

  const preview = page.getByTestId("template-preview");
  await expect(preview).toHaveText(
    "Hello {{1}}, your {{2}} is due for its service. Reply to this message to book a time.",
  );
  await page.keyboard.type("Wanda");
  await expect(preview).toHaveText(
    "Hello Wanda, your {{2}} is due for its service. Reply to this message to book a time.",
  );
  await page.getByTestId("template-variable").nth(1).fill("Golf <b>GTI</b>");
  await expect(preview).toHaveText(
    "Hello Wanda, your Golf <b>GTI</b> is due for its service. Reply to this message to book a time.",
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: "test-results/inbox-template-picker-desktop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/inbox-template-picker-phone.png" });

  await page.getByTestId("send-template").click();
  await expect(picker).toBeHidden();
  // Committed, then the worker's delivery job takes it: this e2e channel has no credentials, so
  // the job records a permanent failure, shown in words with Retry, live over the gateway.
  const sent = page.getByTestId("message").filter({ hasText: "Hello Wanda, your Golf <b>GTI</b> is due" });
  await expect(sent).toBeVisible();
  await expect(sent.getByTestId("template-label")).toContainText("service_reminder");
  await expect(sent.getByTestId("delivery")).toHaveAttribute("data-status", "FAILED");
  await expect(sent.getByTestId("delivery")).toContainText("The channel's settings are incomplete");
  await page.getByTestId("message-list").evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: "test-results/inbox-whatsapp-phone.png" });

  // On a phone the conversation has the whole width; the sidebar is a drawer behind the menu button.
  await expect(page.getByTestId("sidebar")).toBeHidden();
  await page.getByTestId("open-sidebar").click();
  await expect(page.getByTestId("sidebar").getByRole("link", { name: /Inbox/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("sidebar")).toBeHidden();
});
