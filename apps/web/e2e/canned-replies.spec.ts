import { expect, test } from "@playwright/test";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// Settings → Canned replies: an administrator writes a reply with variables (a typo in one is
// refused, keeping what was typed), and an agent inserts it with "/" in the composer, filled in.
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;

test("a canned reply with variables is created in settings and inserted filled in the composer", async ({ page }) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const shortcut = `testdrive${suffix}`;
  await signIn(page, "admin@northwind.example");
  // The first page of a fresh server can take a while on a loaded machine.
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/canned-replies");
  await page.getByRole("button", { name: "New reply" }).click();
  const form = page.getByTestId("canned-form");
  await form.getByLabel("Shortcut").fill(shortcut);
  await form.getByLabel("Title").fill("Test drive");
  await form.getByLabel("Reply").fill("Hi {{contact.first_name}}, {{agnet.name}} here.");
  await form.getByTestId("canned-save").click();
  await expect(form.getByTestId("field-error")).toContainText("Unknown variable");
  // Nothing typed is lost.
  await expect(form.getByLabel("Shortcut")).toHaveValue(shortcut);
  await expect(form.getByLabel("Title")).toHaveValue("Test drive");
  await form
    .getByLabel("Reply")
    .fill("Hi {{contact.first_name}}, {{agent.name}} of {{dealer.name}} here. When suits you for a test drive?");
  await page.screenshot({ path: "test-results/canned-replies-form.png" });
  await form.getByTestId("canned-save").click();
  await expect(page.getByTestId("canned-form")).toBeHidden();
  await expect(page.getByTestId("canned-reply").filter({ hasText: `/${shortcut}` })).toBeVisible();
  await page.screenshot({ path: "test-results/canned-replies-list.png" });

  // A conversation of a visitor called "Lotte de Vries …" at Northwind Amsterdam.
  const db = ownerDb();
  const channel = await db.channel.findFirstOrThrow({
    where: { publicKey: demoWidgetKey(amsterdam.customerId, amsterdam.slug) },
  });
  const contact = await db.contact.create({
    data: { customerId: amsterdam.customerId, name: `Lotte de Vries ${suffix}`, legalBasis: "CONSENT" },
  });
  const conversation = await db.conversation.create({
    data: {
      customerId: amsterdam.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      contactId: contact.id,
      lastSeq: 1,
      lastMessageAt: new Date(Date.now() + 60_000),
    },
  });
  await db.message.create({
    data: {
      customerId: amsterdam.customerId,
      conversationId: conversation.id,
      seq: 1,
      clientId: `canned-${suffix}`,
      authorType: "CONTACT",
      kind: "TEXT",
      body: "Can I come for a test drive?",
    },
  });
  await page.goto("/inbox");
  await page.getByTestId("conversation-row").filter({ hasText: contact.name! }).click();
  const composer = page.getByPlaceholder(/Write a reply/);
  await composer.fill(`/${shortcut}`);
  await composer.press("Enter");
  await expect(composer).toHaveValue(
    "Hi Lotte, Adam Admin of Northwind Amsterdam here. When suits you for a test drive?",
  );
});
