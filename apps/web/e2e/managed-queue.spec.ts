import { expect, test } from "@playwright/test";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { ownerDb } from "@forecourt/testing";
import { enrolTwoFactor, sidebarLinks, signIn, signInAsProviderSupport } from "./helpers";

// Plus tier (docs/plus.md): a managed agent works the queue of Plus customers' unanswered chats
// in the provider console; their reply is shown to the dealer as Forecourt's.
const utrecht = DEMO_WIDGETS.find((w) => w.slug === "demo-utrecht")!; // Van der Meer Auto: Plus
const VAN_DER_MEER = utrecht.customerId;
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!; // Northwind Motors: Standard

/** An open website chat whose contact wrote 10 minutes ago and nobody answered. */
async function unanswered(widget: { customerId: string; slug: string }, label: string) {
  const db = ownerDb();
  const channel = await db.channel.findFirstOrThrow({
    where: { publicKey: demoWidgetKey(widget.customerId, widget.slug) },
  });
  const at = new Date(Date.now() - 10 * 60_000);
  const contact = await db.contact.create({
    data: { customerId: widget.customerId, name: `${label} ${Date.now().toString(36)}`, legalBasis: "CONSENT" },
  });
  const conversation = await db.conversation.create({
    data: {
      customerId: widget.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      contactId: contact.id,
      lastSeq: 1,
      lastMessageAt: at,
      createdAt: at,
      routedAt: at,
    },
  });
  await db.message.create({
    data: {
      customerId: widget.customerId,
      conversationId: conversation.id,
      seq: 1,
      clientId: `e2e-${conversation.id}`,
      authorType: "CONTACT",
      kind: "TEXT",
      body: `Hello from ${contact.name}`,
      createdAt: at,
    },
  });
  return { conversationId: conversation.id, name: contact.name! };
}

test("a managed agent answers a Plus customer's chat from the queue; the dealer sees it as Forecourt's", async ({
  page,
  browser,
}) => {
  const plus = await unanswered(utrecht, "Plus Visitor");
  const standard = await unanswered(amsterdam, "Standard Visitor");
  await ownerDb().user.update({
    where: { email: "managed@forecourt.example" },
    data: { totpEnabledAt: null, totpSecretEncrypted: null },
  });

  await signIn(page, "managed@forecourt.example");
  await expect(page).toHaveURL(/\/settings\/two-factor\?required=1$/);
  await enrolTwoFactor(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/provider\/managed-queue$/);
  await expect(page.getByRole("heading", { name: "Managed queue" })).toBeVisible();
  // No workspace of their own: no inbox or contacts in the sidebar, only the queue.
  await expect(sidebarLinks(page)).toHaveText([/^Settings/, /^Managed queue/]);

  const queue = page.getByTestId("managed-queue");
  const row = queue.getByTestId("managed-queue-item").filter({ hasText: plus.name });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Van der Meer Auto");
  await expect(row).toContainText("no reply after 5 min");
  await expect(queue).not.toContainText(standard.name);

  // Keyboard: focus the row and open it with Enter.
  await row.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/provider/managed-queue/${plus.conversationId}$`));
  await expect(page.getByTestId("managed-thread")).toContainText(`Hello from ${plus.name}`);

  // An empty reply is refused at the field.
  await page.getByTestId("managed-reply-send").click();
  await expect(page.getByTestId("field-error")).toBeVisible();

  const reply = "Good afternoon! Yes, the car is available. Shall I book a viewing for Saturday?";
  await page.getByLabel("Reply", { exact: true }).fill(reply);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("form-success")).toHaveText("Sent.");
  await expect(page.getByTestId("managed-thread").getByTestId("message").last()).toContainText(
    "Mara Managed (Forecourt)",
  );
  const stored = await ownerDb().message.findFirstOrThrow({ where: { conversationId: plus.conversationId, seq: 2 } });
  expect(stored).toMatchObject({ authorType: "MANAGED_AGENT", body: reply });

  // Answered: it has left the queue.
  await page.getByTestId("back-to-queue").click();
  await expect(page.getByRole("heading", { name: "Managed queue" })).toBeVisible();
  await expect(page.getByTestId("managed-queue-item").filter({ hasText: plus.name })).toHaveCount(0);

  // The Standard customer's conversation cannot be opened by URL either.
  await page.goto(`/provider/managed-queue/${standard.conversationId}`);
  await expect(page.getByTestId("managed-thread")).toHaveCount(0);

  // The dealer's own inbox shows the reply as the provider's.
  const dealer = await browser.newPage();
  await signIn(dealer, "owner@vandermeer.example");
  await expect(dealer).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await dealer.goto(`/inbox?c=${plus.conversationId}`);
  const bubble = dealer.getByTestId("message").filter({ hasText: reply });
  await expect(bubble).toContainText("Mara Managed (Forecourt)");
  await dealer.close();
});

test("provider support sets the Plus order form's managed service; a bad number is refused with the reason", async ({
  page,
}) => {
  await signInAsProviderSupport(page);
  await page.goto(`/provider/customers/${VAN_DER_MEER}/subscription`);
  const card = page.getByTestId("subscription-card").filter({ hasText: "Conversations" });
  await expect(card.getByTestId("managed-service")).toHaveText(
    "Managed agents answer after 5 minutes without a reply. Outside business hours at once.",
  );
  const form = card.getByTestId("managed-service-form");
  await form.getByLabel("Answer after (minutes)").fill("0");
  await form.getByRole("button", { name: "Save managed service" }).click();
  await expect(form.getByTestId("contract-result")).toContainText("At least 1 minute");
  await form.getByLabel("Answer after (minutes)").fill("12");
  await form.getByLabel("Outside business hours").selectOption("false");
  await form.getByRole("button", { name: "Save managed service" }).click();
  await expect(form.getByTestId("contract-result")).toHaveText("Managed service saved.");
  await expect(card.getByTestId("managed-service")).toHaveText(
    "Managed agents answer after 12 minutes without a reply.",
  );
  await ownerDb().subscription.updateMany({
    where: { customerId: VAN_DER_MEER },
    data: { managedAfterMinutes: 5, managedOutsideHours: true },
  });
});
