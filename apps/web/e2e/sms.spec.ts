import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { signIn } from "./helpers";

/*
 * SMS end to end through the channel simulator's SMS tab: a customer texts Northwind
 * Amsterdam's Twilio number; the Twilio stand-in posts a signed webhook to our
 * /api/hooks/twilio/<channel>; the agent sees it live with the SMS icon, writes a reply (the
 * composer counts SMS segments), the worker sends it through the real Twilio SDK to the
 * stand-in, whose status callbacks bring the ticks to delivered; the simulator shows the reply
 * as delivered.
 */

const SIMULATOR = `http://localhost:${getConfig().CHANNEL_SIMULATOR_PORT}/`;

test("an SMS from the simulator reaches the inbox, the agent replies, the simulator shows it delivered", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = String(Date.now()).slice(-7);
  const number = `+316${suffix.padStart(8, "4")}`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "admin@northwind.example");
  // A cold production server can take a while for the first sign-in redirect.
  await expect(agent).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const simContext = await browser.newContext();
  const sim = await simContext.newPage();
  await sim.goto(SIMULATOR);
  await sim.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  await sim.getByRole("tab", { name: "SMS" }).click();
  const phone = sim.getByRole("region", { name: "SMS chat" });
  await expect(phone.getByText("+3197010000101")).toBeVisible();
  await phone.getByLabel("Your phone number").fill(number);
  await phone.getByLabel("Your phone number").press("Tab");
  await phone.getByLabel("Text message").fill(`Is the grey Octavia still there? ${suffix}`);
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(phone.getByTestId("sms-customer-message").getByTestId("sms-status")).toHaveText("Sent");

  const row = agent.getByTestId("conversation-row").filter({ hasText: `Is the grey Octavia still there? ${suffix}` });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole("img", { name: "SMS" })).toBeVisible();
  await row.click();
  await expect(agent.getByTestId("message").filter({ hasText: `grey Octavia still there? ${suffix}` })).toBeVisible();

  // The composer counts segments: plain text is GSM-7; an emoji switches to UCS-2.
  const composer = agent.getByTestId("composer");
  await composer.fill(`Yes, until Saturday ${suffix}`);
  await expect(agent.getByTestId("sms-segments")).toContainText("GSM-7");
  await composer.fill(`Yes, until Saturday 👍 ${suffix}`);
  await expect(agent.getByTestId("sms-segments")).toContainText("UCS-2");
  await agentContext.pages()[0]!.setViewportSize({ width: 1280, height: 900 });
  await agent.screenshot({ path: "test-results/sms-inbox-composer.png" });
  await composer.press("Enter");

  // The worker sent it through the SDK; the stand-in's status callbacks move it to delivered.
  const reply = phone.getByTestId("sms-business-message").filter({ hasText: `Yes, until Saturday 👍 ${suffix}` });
  await expect(reply).toBeVisible({ timeout: 20_000 });
  await expect(reply.getByTestId("sms-status")).toHaveText("Delivered", { timeout: 20_000 });
  const ticks = agent
    .getByTestId("message")
    .filter({ hasText: `Yes, until Saturday 👍 ${suffix}` })
    .getByTestId("delivery");
  await expect(ticks).toHaveAttribute("data-status", "DELIVERED", { timeout: 20_000 });
  await sim.screenshot({ path: "test-results/sms-simulator.png" });
  await sim.setViewportSize({ width: 390, height: 844 });
  await sim.screenshot({ path: "test-results/sms-simulator-phone.png" });

  await agentContext.close();
  await simContext.close();
});

test("Settings → Channels shows the SMS channel with the URL to paste into Twilio", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  const card = page.getByTestId("sms-channel").filter({ hasText: "Northwind Amsterdam SMS" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("sms-inbound-url")).toHaveText(
    `${getConfig().WEB_URL}/api/hooks/twilio/6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e3a01`,
  );
  await expect(card.getByTestId("masked-token")).toHaveText(/^••••[0-9a-f]{4}$/);
  await card.getByTestId("open-test-message").click();
  await card.getByLabel("To (phone number)").fill("+31612340000");
  await card.getByTestId("send-test").click();
  await expect(card.getByTestId("form-success")).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.screenshot({ path: "test-results/sms-settings-card.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: "test-results/sms-settings-card-phone.png" });
  // The connect dialog offers SMS.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("connect-channel").click();
  await page.getByTestId("choose-TWILIO_SMS").click();
  await expect(page.getByTestId("connect-form-TWILIO_SMS").getByLabel("Account SID")).toBeVisible();
  await page.getByTestId("connect-dialog").screenshot({ path: "test-results/sms-connect-dialog.png" });
});
