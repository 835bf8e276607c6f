import { expect, test, type Locator, type Page } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { connectWhatsAppChannel } from "@forecourt/core/channels/connect-whatsapp-channel";
import { sha256 } from "@forecourt/core/chat/keys";
import { testMemberPrincipal } from "@forecourt/core/test-principals";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// Settings → Channels: a dealer-group administrator connects WhatsApp and Messenger for one of
// the group's dealers, finds the callback URL and verify token to paste into Meta, and disables
// the number again. The numbers are random (the test database keeps earlier runs' routes).

const metaId = () => `${Date.now()}${Math.floor(Math.random() * 1e5)}`;
const whatsapp = {
  name: "Amsterdam Sales WhatsApp",
  phoneNumberId: metaId(),
  wabaId: metaId(),
  accessToken: `EAAGe2e${crypto.randomUUID().replaceAll("-", "")}`,
  appSecret: `appsecret${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
};
const shownWhatsApp = "Amsterdam Service WhatsApp";
const messenger = {
  name: "Northwind Amsterdam on Facebook",
  pageId: metaId(),
  pageAccessToken: `EAAPage${crypto.randomUUID().replaceAll("-", "")}`,
  appSecret: `appsecret${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
};

// Long flows against a cold production build: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// Fixed names (not random): after a failure Playwright runs afterAll in a new worker, and
// beforeAll clears what an interrupted run left.
const removeOurChannels = () =>
  ownerDb().channel.deleteMany({ where: { name: { in: [whatsapp.name, shownWhatsApp, messenger.name] } } });
// The Meta Graph stand-in Playwright starts (the channel simulator, where the web app's
// META_GRAPH_URL points) learns this number through its control API, so "Send a test message"
// and "Sync templates" below are real HTTP to it.
const graphUrl = `http://127.0.0.1:${getConfig().CHANNEL_SIMULATOR_PORT}/__control`;
test.beforeAll(async () => {
  await removeOurChannels();
  const added = await fetch(`${graphUrl}/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      whatsapp: [
        {
          phoneNumberId: whatsapp.phoneNumberId,
          wabaId: whatsapp.wabaId,
          accessToken: whatsapp.accessToken,
          appSecret: whatsapp.appSecret,
          webhookUrl: null,
        },
      ],
    }),
  });
  expect(added.status).toBe(200);
});
test.afterAll(removeOurChannels);

/** What the stand-in accepted from this number. */
async function sentFrom(phoneNumberId: string): Promise<{ to: string; text: string | null }[]> {
  const answer = await fetch(`${graphUrl}/sent?accountId=${phoneNumberId}`);
  return ((await answer.json()) as { data: { to: string; text: string | null }[] }).data;
}

function card(page: Page, name: string): Locator {
  return page.getByTestId("meta-channel").filter({ has: page.getByRole("heading", { name }) });
}

/**
 * The shell scrolls inside <main>, so a "full page" screenshot needs a viewport as tall as its
 * content; the parts (`-1.png`, `-2.png`, …) are the same page a screen at a time, to look at.
 */
async function wholePage(page: Page, width: number, path: string) {
  await page.setViewportSize({ width, height: 900 });
  const height = Math.min(await page.evaluate(() => document.querySelector("main")!.scrollHeight + 60), 12_000);
  await page.setViewportSize({ width, height });
  await page.screenshot({ path });
  const part = width > 800 ? 900 : 844;
  for (let i = 0; i * part < height; i++) {
    const y = i * part;
    await page.screenshot({
      path: path.replace(/\.png$/, `-${i + 1}.png`),
      clip: { x: 0, y, width, height: Math.min(part, height - y) },
    });
  }
}

async function openConnect(page: Page, type: "WHATSAPP" | "MESSENGER") {
  await page.getByTestId("connect-channel").click();
  const dialog = page.getByRole("dialog", { name: "Connect a channel" });
  await expect(dialog.getByTestId("choose-WIDGET")).toBeVisible();
  // Only what works is offered: website chat, WhatsApp, Messenger, SMS, Telegram, e-mail, App (API).
  await expect(dialog.locator("[data-testid^=choose-]")).toHaveCount(7);
  await dialog.getByTestId(`choose-${type}`).click();
  return page.getByTestId(`connect-form-${type}`);
}

test("an administrator connects WhatsApp for a dealer, sees what to paste into Meta, and disables it", async ({
  page,
}) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");

  const form = await openConnect(page, "WHATSAPP");
  await form.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  await form.getByLabel("Channel name").fill(whatsapp.name);
  // A phone number instead of the phone number id: refused at the field, the rest kept.
  await form.getByLabel("Phone number ID").fill("+31 20 555 0101");
  await form.getByLabel("WhatsApp Business Account ID").fill(whatsapp.wabaId);
  await form.getByLabel("Access token").fill(whatsapp.accessToken);
  await form.getByLabel("App secret").fill(whatsapp.appSecret);
  await form.getByTestId("connect-submit").click();
  await expect(form.getByTestId("field-error")).toHaveText("Enter the numeric ID Meta shows (digits only).");
  await expect(form.getByLabel("Phone number ID")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Channel name")).toHaveValue(whatsapp.name);
  await expect(form.getByLabel("Access token")).toHaveValue(whatsapp.accessToken);
  await page.screenshot({ path: "test-results/channels-connect-dialog.png" });

  await form.getByLabel("Phone number ID").fill(whatsapp.phoneNumberId);
  await form.getByTestId("connect-submit").click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const connected = card(page, whatsapp.name);
  await expect(connected).toBeVisible();
  await expect(connected.getByRole("img", { name: "WhatsApp" })).toBeVisible();
  await expect(connected.getByTestId("callback-url")).toHaveText(`${getConfig().WEB_URL}/api/hooks/meta`);
  const verifyToken = (await connected.getByTestId("verify-token").textContent())!.trim();
  expect(verifyToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(connected.getByRole("listitem")).toHaveCount(3);
  // The token shown is the one the handshake route was written for; the access token never reaches the page.
  const channel = await ownerDb().channel.findFirstOrThrow({ where: { name: whatsapp.name } });
  expect(channel).toMatchObject({ type: "WHATSAPP", status: "ACTIVE", externalId: whatsapp.phoneNumberId });
  expect(await ownerDb().channelRoute.count({ where: { key: `meta-verify:${sha256(verifyToken)}` } })).toBe(1);
  await expect(connected.getByTestId("masked-token")).toHaveText(`••••${whatsapp.accessToken.slice(-4)}`);
  const html = await page.content();
  expect(html).not.toContain(whatsapp.accessToken);
  expect(html).not.toContain(whatsapp.appSecret);

  // The same number cannot be connected a second time (here or in any other customer).
  const again = await openConnect(page, "WHATSAPP");
  await again.getByLabel("Phone number ID").fill(whatsapp.phoneNumberId);
  await again.getByLabel("WhatsApp Business Account ID").fill(whatsapp.wabaId);
  await again.getByLabel("Access token").fill(whatsapp.accessToken);
  await again.getByLabel("App secret").fill(whatsapp.appSecret);
  await again.getByTestId("connect-submit").click();
  await expect(again.getByTestId("form-error")).toContainText("already connected to Forecourt");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // The two buttons that talk to Meta: a test message, and the templates of the number's WABA.
  await connected.getByTestId("open-test-message").click();
  await connected.getByLabel("To (phone number)").fill("+31 6 1234 5678");
  await connected.getByTestId("send-test").click();
  await expect(connected.getByTestId("field-error")).toContainText("international format");
  await connected.getByLabel("To (phone number)").fill("+31612345678");
  await connected.getByTestId("send-test").click();
  await expect(connected.getByTestId("form-success")).toHaveText("Test message sent.");
  expect(await sentFrom(whatsapp.phoneNumberId)).toMatchObject([
    { to: "31612345678", text: "Test message from Forecourt" },
  ]);
  await connected.getByTestId("sync-templates").click();
  await expect(connected.getByTestId("template").first()).toBeVisible();
  const templates = await ownerDb().messageTemplate.count({ where: { channelId: channel.id } });
  expect(templates).toBeGreaterThan(0);
  await expect(connected.getByTestId("template")).toHaveCount(templates);
  await expect(connected.getByTestId("template-summary")).toContainText(`${templates} templates`);

  await connected.getByTestId("channel-toggle").click();
  await expect(connected.getByTestId("channel-status")).toHaveText("Disabled");
  await expect(connected.getByTestId("channel-toggle")).toHaveText("Enable");
  await expect
    .poll(async () => (await ownerDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).status)
    .toBe("DISABLED");
  await page.reload();
  await expect(card(page, whatsapp.name).getByTestId("channel-status")).toHaveText("Disabled");
});

test("with WhatsApp (and its templates) and Messenger connected, the page reads well on a desktop and a phone", async ({
  page,
}) => {
  // A WhatsApp number connected through core, with synced templates (the sync itself talks to Meta).
  const db = ownerDb();
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@northwind.example" } });
  const dealer = await db.dealer.findFirstOrThrow({ where: { name: "Northwind Amsterdam" } });
  const principal = testMemberPrincipal(admin.id, dealer.customerId, "ADMIN");
  const { channelId } = await connectWhatsAppChannel({
    principal,
    dealerId: dealer.id,
    name: shownWhatsApp,
    config: { phoneNumberId: metaId(), wabaId: metaId(), displayPhoneNumber: "+31 20 555 0101" },
    secrets: { accessToken: whatsapp.accessToken, appSecret: whatsapp.appSecret },
  });
  await db.messageTemplate.createMany({
    data: [
      [
        "service_reminder",
        "nl",
        "UTILITY",
        "APPROVED",
        "Hoi {{1}}, je {{2}} is toe aan een onderhoudsbeurt. Zullen we een afspraak maken?",
        2,
      ],
      ["appointment_confirmed", "en", "UTILITY", "APPROVED", "See you on {{1}} at {{2}} at Northwind Amsterdam.", 2],
      ["spring_offer", "nl", "MARKETING", "PENDING", "Lentedeals bij Northwind: gratis zomercheck bij elke beurt.", 0],
    ].map(([name, language, category, status, body, variableCount]) => ({
      customerId: dealer.customerId,
      channelId,
      name: name as string,
      language: language as string,
      category: category as string,
      status: status as "APPROVED" | "PENDING",
      body: body as string,
      variableCount: variableCount as number,
    })),
  });

  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  const form = await openConnect(page, "MESSENGER");
  await form.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  await form.getByLabel("Channel name").fill(messenger.name);
  await form.getByLabel("Page ID").fill(messenger.pageId);
  await form.getByLabel("Page name").fill("Northwind Amsterdam");
  await form.getByLabel("Page access token").fill(messenger.pageAccessToken);
  await form.getByLabel("App secret").fill(messenger.appSecret);
  await form.getByTestId("connect-submit").click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const connected = card(page, messenger.name);
  await expect(connected.getByRole("img", { name: "Messenger" })).toBeVisible();
  await expect(connected.getByTestId("verify-token")).toHaveText(/^[A-Za-z0-9_-]{43}$/);
  expect(await page.content()).not.toContain(messenger.pageAccessToken);

  const shown = card(page, shownWhatsApp);
  await expect(shown.getByTestId("template")).toHaveCount(3);
  await expect(shown.getByTestId("template-summary")).toContainText("3 templates");
  await expect(shown.getByTestId("template").filter({ hasText: "spring_offer" })).toContainText("Pending");

  await wholePage(page, 1280, "test-results/channels-desktop.png");
  // While the viewport is as tall as the page (the card is taller than a screen).
  await shown.screenshot({ path: "test-results/channels-whatsapp-card.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(card(page, messenger.name)).toBeVisible();
  const main = await page.evaluate(() => {
    const el = document.querySelector("main")!;
    return { client: el.clientWidth, scroll: el.scrollWidth };
  });
  // Nothing sticks out sideways.
  expect(main.scroll).toBeLessThanOrEqual(main.client);
  await wholePage(page, 390, "test-results/channels-phone.png");
});
