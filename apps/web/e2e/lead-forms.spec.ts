import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";
import { getConfig } from "@forecourt/config";
import { SmtpSink } from "@forecourt/testing";
import { startWebhookReceiver, type TWebhookReceiver } from "@forecourt/testing/webhook-receiver";
import { signIn } from "./helpers";

// Lead forms (docs/leads.md): an administrator points Northwind Amsterdam's leads at a CRM
// e-mail and URL; an agent sends the test-drive form into a live website chat; the visitor fills
// it in in the widget (the checks keep what was typed); the result shows in the inbox; the
// running worker delivers the ADF/XML to the local receiver and the mail sink; the delivery log
// shows both delivered.
const config = getConfig();
const demoSite = `http://localhost:${config.DEMO_SITE_PORT}`;
let receiver: TWebhookReceiver;
const sink = new SmtpSink();

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await sink.listen(config.SMTP_PORT);
});
test.afterAll(async () => {
  await receiver?.close();
  await sink.close();
});

async function openWidget(page: Page) {
  await page.goto(`${demoSite}/dealer/demo-amsterdam`);
  await page.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  return page.frameLocator('iframe[title="Chat with Northwind Amsterdam"]');
}

test("an agent sends a test-drive form, the visitor fills it in, the lead reaches the CRM as ADF", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const path = `/adf-${stamp}`;
  const crmEmail = `crm-${stamp}@northwind.example`;
  const visitorName = `Lead ${stamp}`;

  const agentContext = await browser.newContext({ locale: "en-GB", baseURL: config.WEB_URL });
  const agent = await agentContext.newPage();
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/, { timeout: 30_000 });

  // Settings → Lead forms: Amsterdam's CRM targets (a bad URL is refused at its field first).
  await agent.goto("/settings/lead-forms");
  const card = agent.getByTestId("lead-dealer").filter({ hasText: "Northwind Amsterdam" });
  await expect(card.getByTestId("lead-form")).toHaveCount(4);
  const target = card.getByTestId("lead-target-form");
  await target.getByLabel("CRM e-mail address").fill(crmEmail);
  await target.getByLabel("CRM URL").fill("https://user:pw@crm.example/adf");
  await target.getByTestId("lead-target-save").click();
  await expect(target.getByTestId("field-error")).toContainText("credentials");
  await expect(target.getByLabel("CRM e-mail address")).toHaveValue(crmEmail);
  await target.getByLabel("CRM URL").fill(receiver.url(path));
  await target.getByTestId("lead-target-save").click();
  await expect(target.getByText("Saved.")).toBeVisible();

  // The visitor starts a chat.
  const widget = await openWidget(page);
  await widget.getByLabel("Name").fill(visitorName);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  await widget.getByLabel("Your message").fill("Can I test drive the EX30?");
  await widget.getByLabel("Your message").press("Enter");

  // The agent sends the test-drive form.
  await agent.goto("/inbox");
  const row = agent.getByTestId("conversation-row").filter({ hasText: visitorName });
  await expect(row).toBeVisible();
  await row.click();
  await agent.getByTestId("send-form").click();
  await agent.getByTestId("form-picker").getByRole("button", { name: "Test drive" }).click();
  await expect(agent.getByTestId("form-request")).toContainText("Test drive");

  // The visitor sees the form, sends it half filled in: told at each field, what was typed stays.
  const form = widget.locator("li.leadform form");
  await expect(form).toBeVisible();
  await form.getByLabel("Name *").fill(visitorName);
  await form.getByLabel("E-mail *").fill("not-an-email");
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.locator(".lf-err").filter({ hasText: "e-mail address" })).toBeVisible();
  await expect(form.locator(".lf-err").filter({ hasText: "Please fill this in." }).first()).toBeVisible();
  await expect(form.getByLabel("Name *")).toHaveValue(visitorName);
  await form.getByLabel("E-mail *").fill("lead@example.com");
  await expect(form.locator(".lf-err").filter({ hasText: "e-mail address" })).toHaveCount(0);
  await form.getByLabel("Phone").fill("+31 6 1234 5678");
  await form.getByLabel("Make *").fill("Volvo");
  await form.getByLabel("Model *").fill("EX30");
  await form.getByLabel("Preferred date *").fill("2030-05-17");
  await form.getByLabel("Comments").fill("Saturday morning <please> & thanks");
  await page.screenshot({ path: "test-results/lead-form-widget.png" });
  await form.getByRole("button", { name: "Send" }).click();
  await expect(form.getByText("Thanks! We have received your details.")).toBeVisible();

  // The widget's own form menu: the visitor asks for a service booking without an agent.
  await widget.getByRole("button", { name: "Book a service" }).click();
  await expect(widget.locator('li.leadform[data-form="SERVICE"] form').getByLabel("Service *")).toBeVisible();

  // The agent sees the result as a card.
  const result = agent.getByTestId("form-result");
  await expect(result).toContainText("Form filled in: Test drive");
  await expect(result).toContainText("2030-05-17");
  await agent.screenshot({ path: "test-results/lead-form-inbox.png" });

  // The worker delivers the ADF to the CRM URL and the CRM mailbox.
  const [hit] = (await receiver.waitFor((all) => all.some((h) => h.path === path), 30_000)).filter(
    (h) => h.path === path,
  );
  expect(hit!.headers["content-type"]).toBe("application/xml; charset=utf-8");
  const adf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(hit!.body).adf.prospect;
  expect(adf.vehicle["@interest"]).toBe("test-drive");
  expect(adf.vehicle.make).toBe("Volvo");
  expect(adf.customer.contact.email).toBe("lead@example.com");
  expect(hit!.body).toContain("&lt;please&gt; &amp; thanks");
  const mail = await sink.waitFor(crmEmail, () => true, 30_000);
  expect(mail.text).toContain('<?ADF VERSION "1.0"?>');

  // The delivery log.
  await agent.goto("/settings/lead-forms");
  const log = agent.getByTestId("lead-dealer").filter({ hasText: "Northwind Amsterdam" }).getByTestId("lead-delivery");
  await expect(log.filter({ hasText: receiver.url(path) })).toContainText("Delivered");
  await expect(log.filter({ hasText: crmEmail })).toContainText("Delivered");
  await agent.screenshot({ path: "test-results/lead-forms-settings.png", fullPage: true });
  await agentContext.close();
});
