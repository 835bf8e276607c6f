import { expect, test, type Locator, type Page } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { sha256 } from "@forecourt/core/chat/keys";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// Settings → Channels: a dealer-group administrator connects WhatsApp and Messenger for one of
// the group's dealers, finds the callback URL and verify token to paste into Meta, and disables
// the number again. The numbers are random (the test database keeps earlier runs' routes).

const suffix = crypto.randomUUID().slice(0, 6);
const metaId = () => `${Date.now()}${Math.floor(Math.random() * 1e5)}`;
const whatsapp = {
  name: `Amsterdam WhatsApp ${suffix}`,
  phoneNumberId: metaId(),
  wabaId: metaId(),
  accessToken: `EAAGe2e${crypto.randomUUID().replaceAll("-", "")}`,
  appSecret: `appsecret${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
};
const messenger = {
  name: `Amsterdam Messenger ${suffix}`,
  pageId: metaId(),
  pageAccessToken: `EAAPage${crypto.randomUUID().replaceAll("-", "")}`,
  appSecret: `appsecret${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`,
};

// Long flows against a cold production build: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test.afterAll(async () => {
  await ownerDb().channel.deleteMany({ where: { name: { in: [whatsapp.name, messenger.name] } } });
});

function card(page: Page, name: string): Locator {
  return page.getByTestId("meta-channel").filter({ has: page.getByRole("heading", { name }) });
}

/** The shell scrolls inside <main>, so a "full page" screenshot needs a viewport as tall as its content. */
async function wholePage(page: Page, width: number, path: string) {
  await page.setViewportSize({ width, height: 900 });
  const height = await page.evaluate(() => document.querySelector("main")!.scrollHeight + 60);
  await page.setViewportSize({ width, height: Math.min(height, 12_000) });
  await page.screenshot({ path });
}

async function openConnect(page: Page, type: "WHATSAPP" | "MESSENGER") {
  await page.getByTestId("connect-channel").click();
  const dialog = page.getByRole("dialog", { name: "Connect a channel" });
  await expect(dialog.getByTestId("choose-WIDGET")).toBeVisible();
  // Only what works is offered: website chat, WhatsApp, Messenger.
  await expect(dialog.locator("[data-testid^=choose-]")).toHaveCount(3);
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

  await connected.getByTestId("channel-toggle").click();
  await expect(connected.getByTestId("channel-status")).toHaveText("Disabled");
  await expect(connected.getByTestId("channel-toggle")).toHaveText("Enable");
  await expect.poll(async () => (await ownerDb().channel.findUniqueOrThrow({ where: { id: channel.id } })).status).toBe(
    "DISABLED",
  );
  await page.reload();
  await expect(card(page, whatsapp.name).getByTestId("channel-status")).toHaveText("Disabled");
});

test("with WhatsApp and Messenger connected, the page reads well on a desktop and a phone", async ({ page }) => {
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

  await wholePage(page, 1280, "test-results/channels-desktop.png");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(card(page, messenger.name)).toBeVisible();
  // Nothing sticks out sideways on a phone.
  expect(await page.evaluate(() => document.querySelector("main")!.scrollWidth)).toBeLessThanOrEqual(390);
  await wholePage(page, 390, "test-results/channels-phone.png");
});
