import { expect, test, type Page } from "@playwright/test";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// The inbox opens a conversation (and so tells the visitor "Seen") only when an agent chose it,
// and a workspace switch leaves nothing of the previous tenant on screen.
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;

/** A fresh conversation at the top of a demo dealer's inbox: one unread visitor message. */
async function freshConversation(widget: { customerId: string; slug: string }, label: string) {
  const db = ownerDb();
  const channel = await db.channel.findFirstOrThrow({
    where: { publicKey: demoWidgetKey(widget.customerId, widget.slug) },
  });
  const suffix = Date.now().toString(36);
  const contact = await db.contact.create({
    data: {
      customerId: widget.customerId,
      name: `${label} ${suffix}`,
      phone: `+31 6 ${suffix.slice(-4).padStart(4, "0")} 0000`,
      legalBasis: "CONSENT",
    },
  });
  await db.vehicle.create({
    data: { customerId: widget.customerId, contactId: contact.id, vin: "WVWZZZ1JZXW0E2E01", make: "VW" },
  });
  const conversation = await db.conversation.create({
    data: {
      customerId: widget.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      contactId: contact.id,
      lastSeq: 1,
      lastMessageAt: new Date(Date.now() + 60_000),
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
    },
  });
  return { conversation, contact };
}

async function readSeq(email: string, conversationId: string) {
  const user = await ownerDb().user.findUniqueOrThrow({ where: { email } });
  const read = await ownerDb().conversationRead.findUnique({
    where: { conversationId_userId: { conversationId, userId: user.id } },
  });
  return read?.lastReadSeq ?? 0;
}

/** Everything typed into the page's fields (the contact panel shows phone and VIN in inputs). */
function fieldValues(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, textarea")].map((el) => (el as HTMLInputElement).value),
  );
}

async function setVisibility(page: Page, state: "visible" | "hidden") {
  await page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { value, configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

test("loading the inbox opens nothing and marks nothing read; opening it does, once visible", async ({ page }) => {
  test.setTimeout(60_000);
  const email = "admin@northwind.example";
  const { conversation, contact } = await freshConversation(amsterdam, "Unseen Visitor");
  await signIn(page, email);
  await expect(page).toHaveURL(/\/inbox/);
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
  const row = page.getByTestId("conversation-row").filter({ hasText: contact.name! });
  await expect(row).toBeVisible();
  await expect(page.getByText("Select a conversation")).toBeVisible();
  await expect(page.locator('[data-testid="conversation-row"][aria-current="true"]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]c=/);
  await page.waitForTimeout(1_500);
  expect(await readSeq(email, conversation.id)).toBe(0);
  await page.screenshot({ path: "test-results/inbox-desktop.png" });

  // Chosen while the tab is hidden: shown, but read only once the tab is visible again.
  await setVisibility(page, "hidden");
  await row.click();
  await expect(page.getByTestId("message-list").getByText(`Hello from ${contact.name}`)).toBeVisible();
  await page.waitForTimeout(1_000);
  expect(await readSeq(email, conversation.id)).toBe(0);
  await setVisibility(page, "visible");
  await expect.poll(() => readSeq(email, conversation.id)).toBe(1);
});

test("a phone-width inbox shows the list, then the conversation with a way back", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { contact } = await freshConversation(amsterdam, "Phone Visitor");
  await signIn(page, "agent.amsterdam@northwind.example");
  const row = page.getByTestId("conversation-row").filter({ hasText: contact.name! });
  await expect(row).toBeVisible();
  await expect(page.getByTestId("message-list")).toHaveCount(0);
  await page.screenshot({ path: "test-results/inbox-phone-list.png" });
  await row.click();
  await expect(page.getByTestId("message-list").getByText(`Hello from ${contact.name}`)).toBeVisible();
  await page.screenshot({ path: "test-results/inbox-phone-conversation.png" });
  await page.getByTestId("back-to-list").click();
  await expect(row).toBeVisible();
});

test("switching workspace leaves nothing of the previous tenant's open conversation", async ({ page }) => {
  test.setTimeout(90_000);
  const { contact } = await freshConversation(amsterdam, "Previous Tenant Visitor");
  await signIn(page, "owner@northwind.example");
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 20_000 });
  await page.goto("/inbox");
  const switcher = page.getByTestId("workspace-switcher");
  if (!(await switcher.textContent())?.includes("Northwind Motors")) {
    await switcher.click();
    await page.getByRole("option", { name: "Northwind Motors" }).click();
    await expect(switcher).toContainText("Northwind Motors");
  }
  await page.getByTestId("conversation-row").filter({ hasText: contact.name! }).click();
  await expect(page.getByTestId("message-list").getByText(`Hello from ${contact.name}`)).toBeVisible();
  await expect.poll(() => fieldValues(page)).toEqual(expect.arrayContaining(["WVWZZZ1JZXW0E2E01", contact.phone]));

  await switcher.click();
  await page.getByRole("option", { name: "Van der Meer Auto" }).click();
  await expect(switcher).toContainText("Van der Meer Auto");
  await expect(page.getByText(contact.name!)).toHaveCount(0);
  // The new tenant's empty pane ("Select a conversation", or "No conversations yet" when it has none).
  await expect(page.getByTestId("conversation-empty")).toBeVisible();
  const after = await fieldValues(page);
  expect(after).not.toContain("WVWZZZ1JZXW0E2E01");
  expect(after).not.toContain(contact.phone);
  await expect(page.getByTestId("message-list")).toHaveCount(0);
  await expect(page).toHaveURL(/\/inbox$/);

  // Back to where the owner started, for the other specs.
  await switcher.click();
  await page.getByRole("option", { name: "Northwind Motors" }).click();
  await expect(switcher).toContainText("Northwind Motors");
});

test("snoozing takes a conversation to Snoozed until tomorrow; Wake now brings it back", async ({ page }) => {
  test.setTimeout(60_000);
  const { conversation, contact } = await freshConversation(amsterdam, "Snoozy Visitor");
  await signIn(page, "admin@northwind.example");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
  const row = page.getByTestId("conversation-row").filter({ hasText: contact.name! });
  await row.click();
  await expect(page.getByTestId("conversation-title")).toHaveText(contact.name!);

  // The keyboard opens the menu (Z) and Escape closes it again.
  await page.getByTestId("message-list").click();
  await page.keyboard.press("z");
  const menu = page.getByTestId("snooze-menu");
  await expect(menu).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();

  await page.getByRole("button", { name: "Snooze", exact: true }).click();
  await page.screenshot({ path: "test-results/inbox-snooze-menu.png" });
  await menu.getByRole("menuitem", { name: /Tomorrow/ }).click();
  await expect(page.getByTestId("conversation-header")).toContainText("Snoozed until");
  await expect(row).toBeHidden(); // gone from "All open"
  const stored = await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversation.id } });
  expect(stored.status).toBe("SNOOZED");
  // 09:00 tomorrow at the dealer (Europe/Amsterdam): 07:00 or 08:00 UTC, more than 6 hours ahead.
  expect([7, 8]).toContain(stored.snoozedUntil!.getUTCHours());
  expect(stored.snoozedUntil!.getTime() - Date.now()).toBeGreaterThan(6 * 3_600_000);

  await page.getByRole("button", { name: "Snoozed", exact: true }).click();
  await expect(row).toBeVisible();
  await expect(row).toContainText("Snoozed until");
  await page.getByRole("button", { name: "Wake now" }).click();
  await expect(page.getByTestId("conversation-header")).not.toContainText("Snoozed until");
  await expect(row).toBeHidden(); // back in "All open", no longer in "Snoozed"
  expect((await ownerDb().conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("OPEN");
});

test("the vehicle panel takes make, model and year, and refuses a bad VIN at the field, keeping what was typed", async ({
  page,
}) => {
  const { contact } = await freshConversation(amsterdam, "Vehicle Visitor");
  await signIn(page, "admin@northwind.example");
  await page.getByTestId("conversation-row").filter({ hasText: contact.name! }).click();
  const panel = page.getByRole("complementary", { name: "Contact" });
  await panel.getByRole("button", { name: "Add" }).click();
  const added = panel.getByTestId("vehicle").last();
  await added.getByLabel("VIN").fill("NOT-A-VIN");
  await added.getByLabel("Licence plate").fill("GX-123-B");
  await added.getByLabel("Make").fill("Volvo");
  await added.getByLabel("Model").fill("EX30");
  await added.getByLabel("Year").fill("2024");
  // The MOT date is typed as the agent's locale writes it (en-GB: day first), not mm/dd/yyyy.
  await expect(added.getByLabel("MOT date")).toHaveAttribute("placeholder", "31/12/2026");
  await added.getByLabel("MOT date").fill("3/4/2027");
  await panel.getByRole("button", { name: "Save contact" }).click();
  await expect(added.getByTestId("field-error")).toHaveText("A VIN has 17 letters and digits (no I, O or Q).");
  await expect(panel.getByText("Not saved: check the marked fields.")).toBeVisible();
  await expect(added.getByLabel("Make")).toHaveValue("Volvo");
  await expect(added.getByLabel("VIN")).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: "test-results/vehicle-panel-error.png" });

  await added.getByLabel("VIN").fill("YV1XZK9V0R2012345");
  await panel.getByRole("button", { name: "Save contact" }).click();
  await expect(panel.getByText("Saved.")).toBeVisible();
  await expect
    .poll(async () =>
      (await ownerDb().vehicle.findMany({ where: { contactId: contact.id, plate: "GX-123-B" } })).map((v) => [
        v.vin,
        v.make,
        v.model,
        v.year,
        v.motDate?.toISOString().slice(0, 10),
      ]),
    )
    .toEqual([["YV1XZK9V0R2012345", "Volvo", "EX30", 2024, "2027-04-03"]]);
});
