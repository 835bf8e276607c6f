import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { signIn } from "./helpers";

// Settings → Routing: an administrator adds a rule (a word in the first message → Service, the
// next agent in turn, an automatic reply); a visitor's chat is routed by it while the agent
// watches, and the rule's reply reaches the widget. Then the business-hours editor refuses a
// closing time before its opening, keeping what was typed.
const config = getConfig();
const demoSite = `http://localhost:${config.DEMO_SITE_PORT}`;

test("a routing rule sends a chat to Service and assigns it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const word = `brakes${suffix}`;
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/routing");
  await expect(page.getByRole("heading", { name: "Routing" })).toBeVisible();
  const dealer = page.getByTestId("routing-dealer").filter({ hasText: "Northwind Amsterdam" });
  await expect(dealer.getByTestId("routing-rule").filter({ hasText: "Service questions" })).toBeVisible();

  // A rule without a name is refused at the field; what was chosen stays.
  await dealer.getByRole("button", { name: "Add a routing rule to Northwind Amsterdam" }).click();
  const form = dealer.getByTestId("rule-form");
  await form.getByLabel("Words in the first message").fill(word);
  await form.getByLabel("Department").selectOption({ label: "Service" });
  await form.getByTestId("rule-save").click();
  await expect(form.getByTestId("field-error")).toContainText("Give the rule a name");
  await expect(form.getByLabel("Words in the first message")).toHaveValue(word);

  await form.getByLabel("Rule name").fill(`Brakes ${suffix}`);
  await form.getByLabel("Assign to").selectOption("round_robin");
  await form.getByLabel("At most open conversations per agent").fill("3");
  await form.getByLabel("Priority").selectOption("HIGH");
  await form.getByLabel("Automatic reply").fill(`The workshop has your question (${suffix}).`);
  await form.getByTestId("rule-save").click();
  const row = dealer.getByTestId("routing-rule").filter({ hasText: `Brakes ${suffix}` });
  await expect(row).toContainText(`first message mentions ${word}`);
  await expect(row).toContainText("to Service · round robin (at most 3 each) · High priority · automatic reply");
  await page.screenshot({ path: "test-results/routing.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/routing-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The agent has the inbox open (online: in the round robin).
  const agentContext = await browser.newContext({ locale: "en-GB", baseURL: config.WEB_URL });
  const agent = await agentContext.newPage();
  await signIn(agent, "agent.amsterdam@northwind.example");
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true", { timeout: 30_000 });

  const visitorName = `Rita ${suffix}`;
  const visitor = await browser.newPage();
  await visitor.goto(`${demoSite}/dealer/demo-amsterdam`);
  await visitor.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  const widget = visitor.frameLocator('iframe[title="Chat with Northwind Amsterdam"]');
  await widget.getByLabel("Name").fill(visitorName);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill(`My ${word} squeak when I stop.`);
  await widget.getByLabel("Your message").press("Enter");
  await expect(widget.getByText(`The workshop has your question (${suffix}).`)).toBeVisible({ timeout: 20_000 });

  // The administrator sees it routed: Service, assigned to someone, high priority.
  await page.goto("/inbox");
  const conversation = page.getByTestId("conversation-row").filter({ hasText: visitorName });
  await expect(conversation).toBeVisible();
  await expect(conversation).not.toContainText("Unassigned");
  await conversation.click();
  const header = page.getByTestId("conversation-header");
  await expect(header.getByLabel("Department", { exact: true }).locator("option:checked")).toHaveText("Service");
  await expect(header.getByLabel("Assignee", { exact: true })).not.toHaveValue("");
  await expect(page.getByTestId("message-list").getByText(`The workshop has your question (${suffix}).`)).toBeVisible();
  await agentContext.close();
  await visitor.close();

  // Clean up: the rule goes, so later runs and tests see only the seeded one.
  await page.goto("/settings/routing");
  page.once("dialog", (dialog) => void dialog.accept());
  await page
    .getByTestId("routing-dealer")
    .filter({ hasText: "Northwind Amsterdam" })
    .getByRole("button", { name: `Delete Brakes ${suffix}` })
    .click();
  await expect(page.getByTestId("routing-rule").filter({ hasText: `Brakes ${suffix}` })).toBeHidden();
});

test("business hours: a closing time before the opening is refused and what was typed stays", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/routing");
  const dealer = page.getByTestId("routing-dealer").filter({ hasText: "Northwind Copenhagen" });
  await dealer.getByRole("tab", { name: "Business hours" }).click();
  const form = dealer.getByTestId("hours-form");
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Copenhagen");
  await expect(form.getByTestId("holiday")).toHaveCount(4);
  const monday = form.getByTestId("hours-mon");
  await monday.getByRole("checkbox").check();
  await monday.getByLabel("Monday opens").fill("18:00");
  await monday.getByLabel("Monday closes").fill("09:00");
  await form.getByTestId("hours-save").click();
  await expect(form.getByRole("alert")).toContainText("before its closing time");
  await expect(monday.getByLabel("Monday opens")).toHaveValue("18:00");
  await page.screenshot({ path: "test-results/routing-hours.png", fullPage: true });
  // Nothing was saved: the demo dealer stays always open.
  await page.reload();
  await page
    .getByTestId("routing-dealer")
    .filter({ hasText: "Northwind Copenhagen" })
    .getByRole("tab", { name: "Business hours" })
    .click();
  await expect(
    page
      .getByTestId("routing-dealer")
      .filter({ hasText: "Northwind Copenhagen" })
      .getByTestId("hours-mon")
      .getByRole("checkbox"),
  ).not.toBeChecked();
});

test("a bot answers, then hands off to a person", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  // The administrator has the inbox open: online, so the hand-off finds a person.
  await signIn(page, "admin@northwind.example");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true", { timeout: 30_000 });

  const visitorName = `Bodil ${suffix}`;
  const visitor = await browser.newPage();
  await visitor.goto(`${demoSite}/dealer/demo-copenhagen`);
  await visitor.getByRole("button", { name: "Chat with Northwind Copenhagen" }).click();
  const widget = visitor.frameLocator('iframe[title="Chat with Northwind Copenhagen"]');
  await widget.getByLabel("Name").fill(visitorName);
  // Another spec (chat.spec) makes this widget ask for a phone number: fill it when asked.
  const phone = widget.getByLabel(/^Phone/);
  if ((await phone.count()) > 0) await phone.fill("+45 20 12 34 56");
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill("What are your opening hours?");
  await widget.getByLabel("Your message").press("Enter");
  // The seeded rule "Opening hours and directions" hands it to the answer bot: greeting, then the answer.
  await expect(widget.getByText("Hi! I am Northwind's assistant.")).toBeVisible({ timeout: 20_000 });
  await expect(widget.getByText("We are open Monday to Friday 9:00–18:00 and Saturday 10:00–15:00.")).toBeVisible();
  await widget.getByLabel("Your message").fill("Thanks. Can I talk to a person about a trade-in?");
  await widget.getByLabel("Your message").press("Enter");
  await expect(widget.getByText("I will get a colleague for you.")).toBeVisible({ timeout: 20_000 });

  // The agent sees which replies came from the bot, and the conversation now has a person.
  const row = page.getByTestId("conversation-row").filter({ hasText: visitorName });
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("Unassigned", { timeout: 20_000 });
  await row.click();
  const thread = page.getByTestId("message-list");
  await expect(thread.getByText("We are open Monday to Friday 9:00–18:00 and Saturday 10:00–15:00.")).toBeVisible();
  await expect(thread).toContainText("Northwind assistant");
  await expect(thread.getByTestId("bot-badge").first()).toHaveText("Bot");
  await expect(page.getByTestId("conversation-header").getByLabel("Assignee", { exact: true })).not.toHaveValue("");
  await page.screenshot({ path: "test-results/bot-handoff.png" });
  await visitor.close();
});
