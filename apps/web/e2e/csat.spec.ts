import { expect, test } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { SmtpSink } from "@forecourt/testing";
import { signIn } from "./helpers";

// Closing a chat tells the visitor, with a link to rate it (CSAT) and to get the transcript by
// e-mail; the agent sees the rating in the conversation's activity.
const config = getConfig();
const demoSite = `http://localhost:${config.DEMO_SITE_PORT}`;
const sink = new SmtpSink();

test.beforeAll(async () => {
  await sink.listen(config.SMTP_PORT);
});
test.afterAll(async () => {
  await sink.close();
});

test("closing a chat offers the visitor a rating and the transcript", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const visitorName = `Cleo ${suffix}`;
  await signIn(page, "admin@northwind.example");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true", { timeout: 30_000 });

  const visitor = await browser.newPage();
  await visitor.goto(`${demoSite}/dealer/demo-amsterdam`);
  await visitor.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  const widget = visitor.frameLocator('iframe[title="Chat with Northwind Amsterdam"]');
  await widget.getByLabel("Name").fill(visitorName);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill(`Is the XC40 still there? ${suffix}`);
  await widget.getByLabel("Your message").press("Enter");

  const row = page.getByTestId("conversation-row").filter({ hasText: visitorName });
  await row.click();
  await page.getByTestId("composer").fill("Yes, it is. See you Saturday!");
  await page.getByTestId("composer").press("Enter");
  await page.getByTestId("conversation-header").getByRole("button", { name: "Close" }).click();

  // The visitor gets the closing message with the rating link (a link only to our own rating page).
  const link = widget.getByRole("link", { name: "Rate us and get the transcript" });
  await expect(link).toBeVisible({ timeout: 20_000 });
  const href = await link.getAttribute("href");
  expect(href).toMatch(new RegExp(`^${config.WEB_URL}/rate/`));

  const rating = await browser.newPage();
  await rating.goto(href!);
  await expect(rating.getByRole("heading", { name: "How did Northwind Amsterdam do?" })).toBeVisible();
  // No stars chosen: refused with a message, the comment stays.
  await rating.getByLabel("Anything to add? (optional)").fill(`Quick and friendly ${suffix}`);
  await rating.getByTestId("rating-submit").click();
  await expect(rating.getByTestId("form-error")).toContainText("1 to 5 stars");
  await expect(rating.getByLabel("Anything to add? (optional)")).toHaveValue(`Quick and friendly ${suffix}`);
  await rating.getByRole("radio", { name: "4 stars" }).check({ force: true });
  await rating.getByTestId("rating-submit").click();
  await expect(rating.getByTestId("rating-thanks")).toBeVisible();

  // No e-mail address on file: the page asks for one, and the transcript arrives there.
  const to = `cleo.${suffix}@customer.test`;
  await rating.getByLabel("E-mail address").fill(to);
  await rating.getByTestId("transcript-submit").click();
  await expect(rating.getByTestId("transcript-sent")).toBeVisible();
  const mail = await sink.waitFor(to);
  expect(mail.text).toContain(`Is the XC40 still there? ${suffix}`);
  expect(mail.text).toContain("Yes, it is. See you Saturday!");
  await rating.setViewportSize({ width: 390, height: 844 });
  await rating.screenshot({ path: "test-results/rating-phone.png", fullPage: true });

  // The agent sees the rating in the conversation's activity.
  await expect(page.getByTestId("activity-line").filter({ hasText: "The customer rated this 4 stars" })).toBeVisible({
    timeout: 20_000,
  });
  await visitor.close();
  await rating.close();
});
