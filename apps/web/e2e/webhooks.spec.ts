import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { getConfig } from "@forecourt/config";
import { startVisitorConversation } from "@forecourt/core/chat/start-visitor-conversation";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { startWebhookReceiver, type TWebhookReceiver } from "@forecourt/testing/webhook-receiver";
import { signIn } from "./helpers";

// Settings → Webhooks: an administrator adds an endpoint, sees its secret once, a real event
// (a visitor starting a chat) reaches a local receiver signed with that secret through the
// running worker, the delivery log shows it, and Redeliver sends it again under the same id.
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;
let receiver: TWebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(async () => {
  await receiver?.close();
});

test("an endpoint is created, its secret shown once, a delivery logged and redelivered", async ({ page }) => {
  test.setTimeout(120_000);
  const path = `/e2e-${Date.now().toString(36)}`;
  const url = receiver.url(path);
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
  if (await page.getByTestId("empty-state").isVisible())
    await page.screenshot({ path: "test-results/webhooks-empty.png" });
  await page.getByTestId("webhook-new").click();
  const form = page.getByTestId("webhook-form");
  await form.getByLabel("Endpoint URL").fill("http://");
  await form.getByTestId("webhook-save").click();
  await expect(form.getByLabel("Endpoint URL")).toHaveJSProperty("validity.valid", false);
  await form.getByLabel("Endpoint URL").fill(url);
  await form.getByLabel("Description (optional)").fill("Northwind CRM (e2e)");
  // Only leads and new conversations.
  for (const type of [
    "message.created",
    "conversation.assigned",
    "conversation.status_changed",
    "contact.created",
    "contact.updated",
  ])
    await form.getByLabel(type).uncheck();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/webhooks-form.png" });
  await form.getByTestId("webhook-save").click();

  const panel = page.getByTestId("webhook-secret-panel");
  await expect(panel).toBeVisible();
  const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  await page.screenshot({ path: "test-results/webhooks-secret.png" });
  await page.getByTestId("webhook-secret-done").click();
  await expect(panel).toBeHidden();
  const card = page.getByTestId("webhook-endpoint").filter({ hasText: url });
  await expect(card).toBeVisible();
  // Shown once: not on the page any more, not after a reload.
  expect(await page.content()).not.toContain(secret);
  await page.reload();
  expect(await page.content()).not.toContain(secret);

  // A real event: a visitor starts a chat on Northwind Amsterdam's website (a lead).
  const started = await startVisitorConversation({
    input: {
      key: demoWidgetKey(amsterdam.customerId, amsterdam.slug),
      origin: `http://localhost:${getConfig().DEMO_SITE_PORT}`,
      name: "Elena E2E",
      consent: true,
      offlineMessage: "Is the XC40 available for a test drive?",
    },
  });
  await receiver.waitFor((all) => all.filter((h) => h.path === path).length >= 2, 30_000);
  const hits = receiver.received.filter((h) => h.path === path);
  const types = hits.map((h) => (new Webhook(secret).verify(h.body, h.headers) as { type: string }).type).sort();
  expect(types).toEqual(["conversation.created", "lead.created"]);
  const lead = hits.find((h) => JSON.parse(h.body).type === "lead.created")!;
  expect(JSON.parse(lead.body).data.lead).toMatchObject({ id: started.conversationId, name: "Elena E2E" });

  await card.getByTestId("webhook-log-toggle").click();
  const log = card.getByTestId("webhook-log");
  await expect(log.getByTestId("webhook-delivery")).toHaveCount(2, { timeout: 15_000 });
  await expect(log.getByTestId("webhook-delivery-status").first()).toHaveText("Delivered");
  await expect(log).toContainText("HTTP 200");
  await page.screenshot({ path: "test-results/webhooks-log-1280.png", fullPage: true });

  const leadRow = log.getByTestId("webhook-delivery").filter({ hasText: "lead.created" });
  await leadRow.getByTestId("webhook-redeliver").click();
  await expect(log.getByRole("status")).toHaveText("Queued for redelivery.");
  await receiver.waitFor((all) => all.filter((h) => h.path === path).length >= 3, 15_000);
  const again = receiver.received.filter((h) => h.path === path)[2]!;
  expect(again.headers["webhook-id"]).toBe(lead.headers["webhook-id"]);
  await log.getByTestId("webhook-log-refresh").click();
  await expect(log.getByTestId("webhook-delivery").filter({ hasText: "lead.created" })).toContainText("2 attempts", {
    timeout: 15_000,
  });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/webhooks-log-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Disable, then delete: it is gone from the list.
  await card.getByTestId("webhook-toggle").click();
  await expect(card.getByTestId("webhook-disabled")).toHaveText("Disabled");
  page.once("dialog", (d) => void d.accept());
  await card.getByTestId("webhook-delete").click();
  await expect(page.getByTestId("webhook-endpoint").filter({ hasText: url })).toHaveCount(0);
});
