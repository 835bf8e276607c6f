import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { demoApiChannels } from "@forecourt/db/seed-api-channels";
import { createMessagingClient, type TMessageEvent } from "@forecourt/sdk/source";
import { signIn } from "./helpers";

/*
 * The API channel end to end against the servers Playwright starts (the production web server
 * and the gateway): an OEM app (the SDK, in this Node process) identifies a user on Northwind
 * Amsterdam's seeded API inbox and writes; the agent sees it live with the App (API) icon and
 * answers; the SDK receives the answer. Then Settings → Channels: the seeded API card, a new
 * API channel connected, its secret shown; screenshots at 1280 and 390 px.
 */

test.describe.configure({ timeout: 120_000 });

test("an OEM app (SDK) and an agent in the inbox chat through the API channel", async ({ page }, testInfo) => {
  const demo = demoApiChannels().find((c) => c.slug === "amsterdam")!;
  const suffix = String(Date.now()).slice(-7);
  const identifier = `e2e-driver-${suffix}`;
  const app = createMessagingClient({
    baseUrl: getConfig().WEB_URL,
    inboxIdentifier: demo.inboxIdentifier,
    identifier,
    identifierHash: createHmac("sha256", demo.hmacSecret).update(identifier).digest("hex"),
    name: `App Driver ${suffix}`,
  });
  const received: TMessageEvent[] = [];
  app.on("message", (m) => received.push(m));

  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  await app.connect();
  await app.send({ text: `Can I book a service for my EX30? ${suffix}` });

  const row = page.getByTestId("conversation-row").filter({ hasText: `App Driver ${suffix}` });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole("img", { name: "App (API)" })).toBeVisible();
  await row.click();
  await expect(
    page.getByTestId("message").filter({ hasText: `Can I book a service for my EX30? ${suffix}` }),
  ).toBeVisible();
  await page.getByTestId("composer").fill(`Yes, Tuesday 9:00 is free. ${suffix}`);
  await page.getByTestId("composer").press("Enter");
  await expect
    .poll(() => received.map((m) => m.body), { timeout: 15_000 })
    .toContain(`Yes, Tuesday 9:00 is free. ${suffix}`);
  expect(received.map((m) => m.seq)).toEqual([1, 2]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("api-inbox-1280.png") });
  await app.close();

  // Settings → Channels: the seeded card, then a new API channel for Copenhagen.
  await page.goto("/settings/channels");
  const seeded = page.locator(`#channel-${demo.channelId}`);
  await expect(seeded.getByTestId("api-inbox-identifier")).toHaveText(demo.inboxIdentifier);
  await expect(seeded.getByTestId("api-secret-masked")).toHaveText(`••••${demo.hmacSecret.slice(-4)}`);
  await page.getByTestId("connect-channel").click();
  await page.getByTestId("choose-API").click();
  const form = page.getByTestId("connect-form-API");
  await form.getByLabel("Dealer").selectOption({ label: "Northwind Copenhagen" });
  await form.getByLabel("Channel name").fill(`Owner app ${suffix}`);
  await form.getByTestId("connect-submit").click();
  const card = page.getByTestId("api-channel").filter({ hasText: `Owner app ${suffix}` });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("api-inbox-identifier")).toHaveText(/^in_[0-9a-f]{32}_/);
  await card.getByTestId("api-secret-reveal").click();
  await expect(card.getByTestId("api-secret")).toHaveText(/^[0-9a-f]{64}$/);
  const first = await card.getByTestId("api-secret").textContent();
  await card.getByTestId("api-secret-rotate").click();
  await card.getByTestId("api-secret-rotate-confirm").click();
  await expect(card.getByTestId("api-secret")).not.toHaveText(first!);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: testInfo.outputPath("api-channel-card-1280.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("api-channel-card-390.png") });
  await page.getByTestId("connect-channel").click();
  await page.getByTestId("choose-API").click();
  await page.screenshot({ path: testInfo.outputPath("api-connect-390.png") });
});
