import { expect, test, type Browser, type Page } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { signIn } from "./helpers";

// The widget's JavaScript API on the demo dealer site (another origin than the app): identify
// with the hash the site's server computes (and a forged one), setVehicle from a vehicle page
// landing in the agent's contact panel, the site's own open/close/toggle buttons and the events
// the page hears. Screenshots of the agent's panel and of the settings snippet go to the test's
// output folder (docs/images holds the ones the docs show).
const config = getConfig();
const demoSite = `http://localhost:${config.DEMO_SITE_PORT}`;
const CHAT = 'iframe[title="Chat with Northwind Amsterdam"]';

async function agentInbox(browser: Browser, width = 1280) {
  const context = await browser.newContext({
    locale: "en-GB",
    baseURL: config.WEB_URL,
    viewport: { width, height: 800 },
  });
  const agent = await context.newPage();
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
  return { context, agent };
}

/** The page's own log of the widget's events (demo-site.ts writes one line per event). */
const events = (page: Page) => page.getByRole("list", { name: "Widget events" });

function consoleWarnings(page: Page) {
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  return warnings;
}

test("identify: a valid hash links the chat to the dealer's customer, a forged one stays anonymous", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { context, agent } = await agentInbox(browser);
  const tag = Date.now().toString(36);

  // Signed in on the dealer's site: the site's server signed the user id; the form asks no name or e-mail.
  const warnings = consoleWarnings(page);
  await page.goto(`${demoSite}/dealer/demo-amsterdam?customer=sam`);
  await expect(events(page)).toContainText("ready");
  await page.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  const widget = page.frameLocator(CHAT);
  await expect(widget.getByRole("button", { name: "Start chat" })).toBeVisible();
  await expect(widget.getByLabel("Name")).toHaveCount(0);
  await expect(widget.getByLabel(/E-mail/)).toHaveCount(0);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill(`Signed in ${tag}`);
  await widget.getByLabel("Your message").press("Enter");
  expect(warnings.filter((w) => w.includes("Forecourt"))).toEqual([]);

  const row = agent.getByTestId("conversation-row").filter({ hasText: `Signed in ${tag}` });
  await expect(row).toContainText("Sam Jansen");
  await row.click();
  const panel = agent.getByRole("complementary", { name: "Contact" });
  await expect(panel.getByLabel("E-mail")).toHaveValue("sam.jansen@example.com");
  await expect(panel.getByLabel("Phone")).toHaveValue("+31 6 1234 5678");

  // Forged hash (another browser): the console says why, the form asks again, nothing of Sam's is used.
  const forgedContext = await browser.newContext({ locale: "en-GB" });
  const forged = await forgedContext.newPage();
  const forgedWarnings = consoleWarnings(forged);
  await forged.goto(`${demoSite}/dealer/demo-amsterdam?customer=forged`);
  await forged.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  const forgedWidget = forged.frameLocator(CHAT);
  await expect.poll(() => forgedWarnings.join("\n")).toContain("identify refused (invalid_hash)");
  await forgedWidget.getByLabel("Name").fill(`Anonymous ${tag}`);
  await forgedWidget.getByLabel(/I agree/).check();
  await forgedWidget.getByRole("button", { name: "Start chat" }).click();
  await forgedWidget.getByLabel("Your message").fill(`Forged ${tag}`);
  await forgedWidget.getByLabel("Your message").press("Enter");
  // The visitor sees no error for it.
  await expect(forgedWidget.getByRole("alert")).toHaveText("");

  const forgedRow = agent.getByTestId("conversation-row").filter({ hasText: `Forged ${tag}` });
  await expect(forgedRow).toContainText(`Anonymous ${tag}`);
  await forgedRow.click();
  await expect(panel.getByLabel("Name")).toHaveValue(`Anonymous ${tag}`);
  await expect(panel.getByLabel("E-mail")).toHaveValue("");
  await forgedContext.close();
  await context.close();
});

test("setVehicle lands in the agent's panel (live), with open/close/toggle and the page's events", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { context, agent } = await agentInbox(browser);
  const name = `Car shopper ${Date.now().toString(36)}`;
  await page.goto(`${demoSite}/dealer/demo-amsterdam/cars/volvo-ex30`);
  await expect(events(page)).toContainText("ready");
  const frame = page.locator(CHAT);

  // The site's own buttons drive the chat; each change is an event the page hears.
  await page.getByRole("button", { name: "Open chat" }).click();
  await expect(frame).toBeVisible();
  await expect(events(page)).toContainText("open");
  await page.getByRole("button", { name: "Close chat" }).click();
  await expect(frame).toBeHidden();
  await expect(events(page)).toContainText("close");
  await page.getByRole("button", { name: "Toggle chat" }).click();
  await expect(frame).toBeVisible();
  await page.getByRole("button", { name: "Toggle chat" }).click();
  await expect(frame).toBeHidden();
  // Escape inside the chat closes it, and focus goes back to the launcher (not the page's body).
  const launcher = page.getByRole("button", { name: "Chat with Northwind Amsterdam" });
  await launcher.click();
  await expect(frame).toBeVisible();
  await page.frameLocator(CHAT).getByLabel("Name").press("Escape");
  await expect(frame).toBeHidden();
  await expect(launcher).toBeFocused();

  // "Chat about this car": setVehicle, then open. The car is kept until the chat starts.
  await page.getByRole("button", { name: "Chat about this car" }).click();
  await expect(frame).toBeVisible();
  const widget = page.frameLocator(CHAT);
  await widget.getByLabel("Name").fill(name);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill("Is this one still available?");
  await widget.getByLabel("Your message").press("Enter");
  await expect(events(page)).toContainText('"author":"visitor"');

  await agent.getByTestId("conversation-row").filter({ hasText: name }).click();
  const vehicle = agent.getByTestId("vehicle-of-interest");
  await expect(vehicle).toContainText("Volvo EX30");
  await expect(vehicle).toContainText("YV1XZK8V1P2000001");
  await expect(vehicle.getByRole("link", { name: "Open the vehicle page" })).toHaveAttribute(
    "href",
    `${demoSite}/dealer/demo-amsterdam/cars/volvo-ex30`,
  );
  await agent.screenshot({ path: testInfo.outputPath("widget-api-agent-vehicle.png") });

  // Another car during the chat: the agent's open panel follows at once.
  await page.goto(`${demoSite}/dealer/demo-amsterdam/cars/skoda-enyaq`);
  await expect(events(page)).toContainText("ready");
  await page.getByRole("button", { name: "Chat about this car" }).click();
  await expect(vehicle).toContainText("Škoda Enyaq");
  await expect(vehicle).toContainText("NW-1077");

  // A reply while the chat is closed: the page hears the message and the unread count.
  await page.getByRole("button", { name: "Close chat" }).click();
  await agent.getByTestId("composer").fill("Yes! Come by on Saturday.");
  await agent.getByTestId("composer").press("Enter");
  await expect(events(page)).toContainText('"author":"agent"');
  await expect(events(page)).toContainText('unread {"count":1}');

  // Phone width: the panel folds away; the car stays in the conversation's header.
  await agent.setViewportSize({ width: 390, height: 800 });
  await expect(agent.getByTestId("vehicle-of-interest-compact")).toContainText("Škoda Enyaq");
  await agent.screenshot({ path: testInfo.outputPath("widget-api-agent-vehicle-phone.png") });
  await context.close();
});

test("Settings → Channels shows the identity secret and the JavaScript API snippet with copy buttons", async ({
  browser,
}, testInfo) => {
  const { context, agent } = await agentInbox(browser);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: config.WEB_URL });
  await agent.goto("/settings/channels");
  // A widget another spec connected meanwhile may have no secret yet: take one that has.
  const api = agent
    .getByTestId("widget-js-api")
    .filter({ has: agent.getByTestId("identity-secret") })
    .first();
  await expect(api.getByTestId("identity-secret")).toContainText("••••");
  await api.getByTestId("identity-secret-reveal").click();
  await expect(api.getByTestId("identity-secret")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(api.getByTestId("js-api-snippet")).toContainText('Forecourt("identify"');
  await expect(api.getByTestId("js-api-snippet")).toContainText('Forecourt("setVehicle"');
  await expect(api.getByTestId("js-api-server-snippet")).toContainText('createHmac("sha256"');
  await api.getByTestId("js-api-snippet-copy").click();
  await expect(api.getByTestId("js-api-snippet-copy")).toContainText("Copied");
  expect(await agent.evaluate(() => navigator.clipboard.readText())).toContain("/widget.js");
  await api.getByTestId("identity-secret-reveal").click();
  await api.scrollIntoViewIfNeeded();
  await api.screenshot({ path: testInfo.outputPath("widget-api-settings.png") });
  // Phone width: the whole screen (the shell's top bar sits outside the scrolling content).
  await agent.setViewportSize({ width: 390, height: 900 });
  await api.getByText("Identity secret", { exact: true }).scrollIntoViewIfNeeded();
  // Let the re-laid-out code blocks paint before the picture (screenshots only; nothing waits on it).
  await agent.waitForTimeout(500);
  await agent.screenshot({ path: testInfo.outputPath("widget-api-settings-phone.png") });
  await context.close();
});
