import { expect, test } from "@playwright/test";
import { ownerDb } from "@forecourt/testing";
import { signIn, signInAsProviderSupport } from "./helpers";

// Test data straight into the test database (the live-chat use cases are built elsewhere).
async function northwind() {
  const customer = await ownerDb().customer.findFirstOrThrow({ where: { name: "Northwind Motors" } });
  const dealer = await ownerDb().dealer.findFirstOrThrow({ where: { customerId: customer.id } });
  return { customer, dealer };
}

async function createContactWithConversation(customerId: string, dealerId: string, name: string) {
  const contact = await ownerDb().contact.create({
    data: {
      customerId,
      name,
      email: `${name.toLowerCase().replace(/\W+/g, ".")}@example.nl`,
      phone: "+31 6 5555 0101",
      legalBasis: "CONSENT",
      legalBasisNote: "Consent box on the test-drive form",
      legalBasisRecordedAt: new Date(),
      lastEngagedAt: new Date(),
    },
  });
  await ownerDb().vehicle.create({ data: { customerId, contactId: contact.id, plate: "GX-512-K", make: "Volvo" } });
  const channel = await ownerDb().channel.create({
    data: { customerId, dealerId, type: "WIDGET", name: "E2E website", publicKey: crypto.randomUUID() },
  });
  const conversation = await ownerDb().conversation.create({
    data: { customerId, dealerId, channelId: channel.id, contactId: contact.id, lastSeq: 2 },
  });
  await ownerDb().message.createMany({
    data: [
      {
        customerId,
        conversationId: conversation.id,
        seq: 1,
        clientId: "c1",
        authorType: "CONTACT",
        body: "Is the XC40 available?",
      },
      {
        customerId,
        conversationId: conversation.id,
        seq: 2,
        clientId: "c2",
        authorType: "AGENT",
        body: "Yes, on Saturday.",
      },
    ],
  });
  return contact;
}

test.afterAll(async () => {
  await ownerDb().$disconnect();
});

test("an admin changes the retention period; the change is listed as a processing instruction", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings");
  await page.getByRole("link", { name: /Data protection/ }).click();
  await expect(page).toHaveURL(/\/settings\/data-protection$/);
  await expect(page.getByRole("heading", { name: "Retention period" })).toBeVisible();
  await page.getByLabel("Delete conversations older than").fill("24");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("18 → 24 months");
  await expect(page.getByTestId("instructions")).toContainText("Retention period 18 → 24 months");
  await expect(page.getByTestId("instructions")).toContainText("admin@northwind.example");

  await page.getByLabel("Delete conversations older than").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  // The browser refuses 0 (min=1) before it reaches the server; the value stays 24.
  await page.reload();
  await expect(page.getByLabel("Delete conversations older than")).toHaveValue("24");

  await page.getByLabel("Delete conversations older than").fill("18");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("24 → 18 months");
});

test("an agent cannot open data protection settings", async ({ page }) => {
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings/data-protection");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("an admin finds a contact, exports everything held about them, and erases them", async ({ page }) => {
  const { customer, dealer } = await northwind();
  const name = `Femke Visser ${crypto.randomUUID().slice(0, 6)}`;
  const contact = await createContactWithConversation(customer.id, dealer.id, name);

  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/contacts");
  await page.getByLabel("Search contacts").fill(name);
  await page.getByLabel("Search contacts").press("Enter");
  await expect(page.getByTestId("contacts").getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
  await expect(page.getByTestId("legal-basis")).toContainText("Consent");
  await expect(page.getByTestId("legal-basis")).toContainText("Consent box on the test-drive form");
  await expect(page.getByTestId("held")).toContainText("2 messages");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export data (JSON)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`contact-${contact.id}.json`);
  const exported = await page.request.get(`/contacts/${contact.id}/export`);
  expect(exported.status()).toBe(200);
  const json = await exported.json();
  expect(json.contact.name).toBe(name);
  expect(json.vehicles[0].plate).toBe("GX-512-K");
  expect(json.conversations[0].messages.map((m: { body: string }) => m.body)).toEqual([
    "Is the XC40 available?",
    "Yes, on Saturday.",
  ]);

  await page.getByRole("button", { name: "Erase contact" }).click();
  await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
  await page.getByLabel(/everything about this contact is deleted permanently/).check();
  await page.getByRole("button", { name: "Erase contact" }).click();
  await expect(page).toHaveURL(/\/contacts\?erased=1$/);
  await expect(page.getByRole("status")).toContainText("The contact was erased");
  expect(await ownerDb().contact.findUnique({ where: { id: contact.id } })).toBeNull();
  expect((await page.request.get(`/contacts/${contact.id}/export`)).status()).toBe(404);

  await page.goto("/settings/data-protection");
  await expect(page.getByTestId("certificates")).toContainText("Erasure request");
});

test("an agent may search contacts but not export or erase them", async ({ page }) => {
  const { customer } = await northwind();
  // The agent works for Copenhagen only, and sees contacts of that dealer's conversations only.
  const dealer = await ownerDb().dealer.findFirstOrThrow({
    where: { customerId: customer.id, name: { contains: "Copenhagen" } },
  });
  const contact = await createContactWithConversation(
    customer.id,
    dealer.id,
    `Agent View ${crypto.randomUUID().slice(0, 6)}`,
  );
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto(`/contacts/${contact.id}`);
  await expect(page.getByTestId("legal-basis")).toContainText("Consent");
  await expect(page.getByRole("link", { name: "Export data (JSON)" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Erase contact" })).toHaveCount(0);
  expect((await page.request.get(`/contacts/${contact.id}/export`)).status()).toBe(403);
  expect((await page.request.get("/contacts/legal-basis")).status()).toBe(403);
});

test("reports show anonymised statistics from before the retention period", async ({ page }) => {
  const { customer, dealer } = await northwind();
  const day = new Date();
  day.setUTCMonth(day.getUTCMonth() - 30, 15);
  const dayOnly = new Date(day.toISOString().slice(0, 10));
  await ownerDb().dailyStat.upsert({
    where: {
      customerId_dealerId_channelType_day_departmentId_agentId: {
        customerId: customer.id,
        dealerId: dealer.id,
        channelType: "WHATSAPP",
        day: dayOnly,
        departmentId: "00000000-0000-0000-0000-000000000000",
        agentId: "00000000-0000-0000-0000-000000000000",
      },
    },
    create: {
      customerId: customer.id,
      dealerId: dealer.id,
      channelType: "WHATSAPP",
      day: dayOnly,
      conversationsStarted: 7,
      messagesIn: 20,
      messagesOut: 18,
      firstResponseSecondsSum: 7 * 90,
      firstResponseCount: 7,
    },
    update: {},
  });
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/reports?months=36");
  const month = dayOnly.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  await expect(page.getByTestId("stats-by-month")).toContainText(month);
  await expect(page.getByTestId("stats-by-channel")).toContainText("WhatsApp");
  await page.goto("/reports?months=12");
  await expect(page.getByTestId("stats-by-month").or(page.getByTestId("empty-state"))).not.toContainText(month);
});

test("provider support sees every customer's deletion certificates", async ({ page }) => {
  const { customer } = await northwind();
  await ownerDb().deletionCertificate.create({
    data: {
      customerId: customer.id,
      kind: "RETENTION",
      cutoff: new Date("2025-05-21T00:00:00Z"),
      counts: { state: "completed", messages: 1234, conversations: 56 },
      startedAt: new Date(),
      finishedAt: new Date(),
    },
  });
  await signInAsProviderSupport(page);
  await page.goto("/provider/deletions");
  await expect(page.getByTestId("certificates")).toContainText("Northwind Motors");
  await expect(page.getByTestId("certificates")).toContainText("1,234");
  await page.getByRole("link", { name: "Customer deletion" }).click();
  await expect(page).toHaveURL(/kind=CUSTOMER_DELETION/);
});
