import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

/*
 * Telegram end to end through the channel simulator Playwright starts: a customer writes to
 * Northwind Amsterdam's seeded bot in the simulator's Telegram tab; the update reaches the web
 * app with the bot's secret token; the agent sees it live with the Telegram icon and answers;
 * the worker sends the answer through the Bot API stand-in and the tab shows it. Then the
 * customer blocks the bot: the contact shows it and the next answer is refused with the reason.
 * Settings → Channels connects a bot by its token, tests it and disconnects it again.
 */

const SIMULATOR = `http://localhost:${getConfig().CHANNEL_SIMULATOR_PORT}/`;
test.describe.configure({ timeout: 120_000 });

test("a Telegram customer in the simulator and an agent in the inbox talk; a block is shown and refused", async ({
  browser,
}, testInfo) => {
  const suffix = String(Date.now()).slice(-7);
  const customer = `Tg Customer ${suffix}`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/);
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const simContext = await browser.newContext();
  const sim = await simContext.newPage();
  await sim.goto(SIMULATOR);
  await sim.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  await sim.getByRole("tab", { name: "Telegram" }).click();
  const phone = sim.getByRole("region", { name: "Telegram chat" });
  await expect(phone.getByText("@forecourt_amsterdam_bot")).toBeVisible();
  await phone.getByLabel("Customer name").fill(customer);
  await phone.getByLabel("Customer name").press("Tab");
  await phone.getByLabel("Telegram message").fill(`Hebben jullie de ID.4 nog? ${suffix}`);
  await phone.getByRole("button", { name: "Send", exact: true }).click();
  await expect(phone.locator(".tg-customer").last()).toHaveAttribute("data-state", "delivered", { timeout: 15_000 });

  const row = agent.getByTestId("conversation-row").filter({ hasText: customer });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row.getByRole("img", { name: "Telegram" })).toBeVisible();
  await row.click();
  await expect(agent.getByTestId("message").filter({ hasText: `Hebben jullie de ID.4 nog? ${suffix}` })).toBeVisible();
  await agent.getByTestId("composer").fill(`Ja, kom zaterdag langs! ${suffix}`);
  await agent.getByTestId("composer").press("Enter");
  await expect(phone.getByText(`Ja, kom zaterdag langs! ${suffix}`)).toBeVisible({ timeout: 20_000 });
  await expect(
    agent
      .getByTestId("message")
      .filter({ hasText: `Ja, kom zaterdag langs! ${suffix}` })
      .getByTestId("delivery"),
  ).toHaveAttribute("data-status", "SENT");

  await sim.setViewportSize({ width: 1280, height: 900 });
  await sim.screenshot({ path: testInfo.outputPath("telegram-simulator.png") });

  // The customer blocks the bot: Telegram tells us (my_chat_member); the contact says so and replies are refused.
  await phone.getByRole("button", { name: "Block bot" }).click();
  await expect(phone.getByRole("button", { name: "Unblock bot" })).toBeVisible();
  await agent.reload();
  await expect(agent.getByTestId("contact-opt-out")).toContainText("Blocked the Telegram bot", { timeout: 15_000 });
  await agent.getByTestId("composer").fill(`Nog vragen? ${suffix}`);
  await agent.getByTestId("composer").press("Enter");
  await expect(agent.getByRole("alert").filter({ hasText: "blocked the Telegram bot" })).toBeVisible();
  await agent.setViewportSize({ width: 1280, height: 900 });
  await agent.screenshot({ path: testInfo.outputPath("telegram-inbox-blocked.png") });
  await phone.getByRole("button", { name: "Unblock bot" }).click();

  await agentContext.close();
  await simContext.close();
});

test("Settings → Channels: connect a Telegram bot by its token, test it, disconnect it", async ({ page }, testInfo) => {
  const botId = `79${String(Date.now()).slice(-8)}`;
  const token = `${botId}:AAH${crypto.randomUUID().replaceAll("-", "")}`;
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  await page.getByTestId("connect-channel").click();
  await page.getByTestId("choose-TELEGRAM").click();
  const form = page.getByTestId("connect-form-TELEGRAM");
  await form.getByLabel("Bot token").fill("not a token");
  await page.getByTestId("connect-submit").click();
  await expect(form.getByTestId("field-error")).toContainText("@BotFather");
  await form.getByLabel("Bot token").fill(token);
  await page.getByTestId("connect-submit").click();

  const card = page.getByTestId("telegram-channel").filter({ hasText: `@demo_${botId}_bot` });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId("masked-token")).toHaveText(`••••${token.slice(-4)}`);
  await expect(card.getByTestId("telegram-webhook-url")).toContainText("/api/hooks/telegram/");
  await card.getByTestId("telegram-check").click();
  await expect(card.getByRole("status").filter({ hasText: "is reachable" })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("settings-telegram-phone.png"), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });

  await card.getByTestId("telegram-disconnect").click();
  await card.getByTestId("telegram-disconnect-confirm").click();
  await expect(page.getByTestId("telegram-channel").filter({ hasText: `@demo_${botId}_bot` })).toHaveCount(0, {
    timeout: 15_000,
  });
  const row = await ownerDb().channel.findFirstOrThrow({ where: { externalId: botId, type: "TELEGRAM" } });
  expect(row).toMatchObject({ status: "DISABLED", secretsEncrypted: null });
  await ownerDb().channel.delete({ where: { id: row.id } });
});
