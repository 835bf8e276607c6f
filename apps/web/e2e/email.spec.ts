import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { SmtpSink } from "@forecourt/testing";
import { signIn } from "./helpers";

/*
 * E-mail end to end: a customer writes an HTML mail (with a script, an onerror handler, a
 * tracking pixel and a remote image) in the simulator's E-mail tab; it goes over SMTP into the
 * mail ingress; the agent sees it in the inbox with the quote folded and the original rendered
 * harmless in a sandboxed frame; the agent's reply goes through the worker to the SMTP sink
 * (the customer's mailbox, which this test runs as the mail catcher) and shows in the
 * simulator in the same thread.
 */

const SIMULATOR = `http://localhost:${getConfig().CHANNEL_SIMULATOR_PORT}/`;
const sink = new SmtpSink();

test.beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  await sink.listenHttp(getConfig().MAIL_CATCHER_HTTP_PORT);
});
test.afterAll(async () => {
  await sink.close();
});

test("an HTML e-mail from the simulator shows sanitised in the inbox, and the reply arrives threaded", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const suffix = String(Date.now()).slice(-7);
  const customer = `Mail Customer ${suffix}`;
  const address = `mail.customer.${suffix}@customer.example`;
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/);
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");

  const simContext = await browser.newContext();
  const sim = await simContext.newPage();
  await sim.goto(SIMULATOR);
  await sim.getByLabel("Dealer").selectOption({ label: "Northwind Amsterdam" });
  await sim.getByRole("tab", { name: "E-mail" }).click();
  const mail = sim.getByRole("region", { name: "E-mail chat" });
  await mail.getByTestId("email-customer-name").fill(customer);
  await mail.getByTestId("email-customer-address").fill(address);
  await mail.getByTestId("email-subject").fill(`Blue Golf ${suffix}`);
  await mail.getByTestId("email-text").fill(`Is the blue Golf still available? ${suffix}\n\n-- \nMail Customer`);
  await mail.getByTestId("email-as-html").check();
  await mail.getByTestId("email-send").click();
  await expect(mail.getByTestId("email-status")).toContainText("250");

  const row = agent.getByTestId("conversation-row").filter({ hasText: customer });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row.getByRole("img", { name: "E-mail" })).toBeVisible();
  await row.click();
  const message = agent.getByTestId("message").filter({ hasText: `Is the blue Golf still available? ${suffix}` });
  await expect(message.getByTestId("email-subject")).toHaveText(`Blue Golf ${suffix}`);
  await expect(message.getByTestId("email-auth")).toBeVisible();
  // The signature is folded away until asked for.
  await expect(message.getByTestId("email-quoted")).toHaveCount(0);
  await message.getByRole("button", { name: "Show quoted text" }).click();
  await expect(message.getByTestId("email-quoted")).toContainText("Mail Customer");

  await message.getByRole("button", { name: "Show original (HTML)" }).click();
  const frame = message.getByTestId("email-html");
  await expect(frame).toBeVisible();
  expect(await frame.getAttribute("sandbox")).not.toContain("allow-scripts");
  const srcdoc = (await frame.getAttribute("srcdoc")) ?? "";
  for (const bad of ["<script", "onerror", "alert(", "tracker.example", "cdn.example"])
    expect(srcdoc).not.toContain(bad);
  expect(srcdoc).toContain("default-src 'none'");
  await expect(agent.frameLocator('[data-testid="email-html"]').getByText("The Golf")).toBeVisible();
  await expect(message.getByText("1 remote image blocked")).toBeVisible();
  await agent.setViewportSize({ width: 1280, height: 900 });
  await agent.screenshot({ path: test.info().outputPath("inbox-email-1280.png") });
  await message.getByRole("button", { name: "Show images" }).click();
  await expect(frame).toHaveAttribute("srcdoc", /cdn\.example\/golf\.jpg/);
  expect(await frame.getAttribute("srcdoc")).not.toContain("tracker.example");

  await agent.getByTestId("composer").fill(`Yes, it is. Come by on Saturday. ${suffix}`);
  await agent.getByTestId("composer").press("Enter");

  // The reply lands in the customer's mailbox (the sink), threaded under the first mail.
  const thread = mail.getByTestId("email-thread").filter({ hasText: `Blue Golf ${suffix}` });
  await expect(thread.getByTestId("email-received")).toContainText(`Yes, it is. Come by on Saturday. ${suffix}`, {
    timeout: 30_000,
  });
  await expect(thread.getByTestId("email-sent")).toHaveCount(1);
  const received = sink.mails.find((m) => m.text.includes(`Come by on Saturday. ${suffix}`))!;
  expect(received.subject).toBe(`Re: Blue Golf ${suffix}`);
  expect(received.references).toHaveLength(1);
  expect(received.inReplyTo).toBe(received.references[0]);
  await sim.screenshot({ path: test.info().outputPath("simulator-email-1280.png"), fullPage: true });
  await agent.setViewportSize({ width: 390, height: 844 });
  await agent.screenshot({ path: test.info().outputPath("inbox-email-390.png") });

  await agentContext.close();
  await simContext.close();
});

test("an administrator connects an e-mail channel, sees the inbound address and sends a test e-mail", async ({
  page,
}) => {
  const suffix = String(Date.now()).slice(-7);
  test.setTimeout(90_000);
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  await page.getByTestId("connect-channel").click();
  const dialog = page.getByRole("dialog", { name: "Connect a channel" });
  await dialog.getByTestId("choose-EMAIL").click();
  const form = page.getByTestId("connect-form-EMAIL");
  await form.getByLabel("Channel name").fill(`Service mail ${suffix}`);
  await form.getByLabel("From name").fill(`Northwind Service ${suffix}`);
  await form.getByLabel("From address").fill("not an address");
  await form.getByTestId("connect-submit").click();
  await expect(form.getByText("Enter an e-mail address")).toBeVisible();
  await form.getByLabel("From address").fill(`service.${suffix}@northwind.example`);
  await form.getByTestId("connect-submit").click();

  const card = page.getByTestId("email-channel").filter({ hasText: `Service mail ${suffix}` });
  await expect(card).toBeVisible();
  // The connect action revalidates the page; reload so nothing re-renders under the next clicks.
  await page.reload();
  await expect(card).toBeVisible();
  await expect(card.getByTestId("inbound-address")).toHaveText(/^[a-z0-9-]+@in\.forecourt\.example$/);
  const inbound = (await card.getByTestId("inbound-address").textContent())!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await card.screenshot({ path: test.info().outputPath("settings-email-1280.png") });

  await card.getByTestId("open-test-email").click();
  await card.getByLabel("To (e-mail address)").fill(`check.${suffix}@customer.example`);
  await card.getByTestId("send-test-email").click();
  await expect(card.getByText("Test e-mail sent.")).toBeVisible();
  const received = await sink.waitFor(`check.${suffix}@customer.example`);
  expect(received.fromHeader).toBe(`Northwind Service ${suffix} <service.${suffix}@northwind.example>`);
  expect(received.replyTo).toBe(inbound);

  await card.getByTestId("channel-toggle").click();
  await expect(card.getByTestId("channel-status")).toHaveText("Disabled");
  await page.setViewportSize({ width: 390, height: 844 });
  await card.screenshot({ path: test.info().outputPath("settings-email-390.png") });
});
