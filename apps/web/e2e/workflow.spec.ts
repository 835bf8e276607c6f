import { expect, test } from "@playwright/test";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// The inbox workflow (docs/inbox.md#workflow): an agent sets a priority, puts a seeded label on
// and creates one inline from the keyboard, and sees each step as a line in the timeline; the
// list shows the priority marker, the label chips and the department's SLA countdown.
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;

async function salesConversation(name: string) {
  const db = ownerDb();
  const channel = await db.channel.findFirstOrThrow({
    where: { publicKey: demoWidgetKey(amsterdam.customerId, amsterdam.slug) },
  });
  // Seeded with a 15-minute first-reply target.
  const sales = await db.department.findFirstOrThrow({ where: { dealerId: channel.dealerId, name: "Sales" } });
  const contact = await db.contact.create({
    data: { customerId: amsterdam.customerId, name, legalBasis: "CONSENT" },
  });
  const conversation = await db.conversation.create({
    data: {
      customerId: amsterdam.customerId,
      dealerId: channel.dealerId,
      channelId: channel.id,
      contactId: contact.id,
      departmentId: sales.id,
      lastSeq: 1,
      lastMessageAt: new Date(Date.now() + 60_000),
    },
  });
  await db.message.create({
    data: {
      customerId: amsterdam.customerId,
      conversationId: conversation.id,
      seq: 1,
      clientId: `e2e-wf-${conversation.id}`,
      authorType: "CONTACT",
      kind: "TEXT",
      body: `Can I trade in my car? (${name})`,
    },
  });
  return conversation;
}

// Anna works in Dutch: the lines and controls are checked in her language.
test("an agent sets priority, adds a label and creates one, and sees the activity lines", async ({ page }) => {
  test.setTimeout(60_000);
  const name = `Wanda Workflow ${Date.now().toString(36)}`;
  const newLabel = `Callback ${Date.now().toString(36).slice(-4)}`;
  await salesConversation(name);
  await signIn(page, "agent.amsterdam@northwind.example");
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
  const row = page.getByTestId("conversation-row").filter({ hasText: name });
  await expect(row.getByTestId("sla-badge")).toHaveText(/antwoord binnen 1[45] min/);
  await row.click();
  const header = page.getByTestId("conversation-header");
  const timeline = page.getByTestId("message-list");
  await expect(timeline.getByText(`Can I trade in my car? (${name})`)).toBeVisible();

  await header.getByTestId("priority-select").selectOption("URGENT");
  await expect(
    timeline.getByTestId("activity-line").filter({ hasText: "heeft de prioriteit op Urgent gezet" }),
  ).toBeVisible();
  await expect(row.getByTestId("priority-marker")).toHaveText("Urgent");

  // The label picker from the keyboard: L opens it, typing filters, Enter puts the label on.
  await page.keyboard.press("l");
  const search = page.getByTestId("label-search");
  await expect(search).toBeFocused();
  await search.fill("trade");
  // Highlighted first once the labels have loaded (the seeded "Trade-in", shared by all dealers).
  await expect(page.getByRole("listbox", { name: "Labels" }).getByRole("option").first()).toContainText("Trade-in");
  await search.press("Enter");
  await expect(header.getByTestId("conversation-labels").getByText("Trade-in")).toBeVisible();
  await expect(
    timeline.getByTestId("activity-line").filter({ hasText: "heeft het label Trade-in toegevoegd" }),
  ).toBeVisible();

  // A name no label has: Enter creates it for this dealer and puts it on.
  await search.fill(newLabel);
  await expect(page.getByRole("option", { name: `“${newLabel}” aanmaken` })).toBeVisible();
  await search.press("Enter");
  await expect(header.getByTestId("conversation-labels").getByText(newLabel)).toBeVisible();
  await search.press("Escape");
  await expect(search).toHaveCount(0);
  await expect(row.getByTestId("label-chip")).toHaveText(["Trade-in", newLabel]);

  // Taking one off is a line too; every line names the agent and the time.
  await header.getByRole("button", { name: "Label Trade-in verwijderen" }).click();
  await expect(
    timeline.getByTestId("activity-line").filter({ hasText: "heeft het label Trade-in verwijderd" }),
  ).toBeVisible();
  await expect(timeline.getByTestId("activity-line")).toHaveCount(4);
  for (const line of await timeline.getByTestId("activity-line").allTextContents())
    expect(line).toMatch(/^Anna de Vries .+ · \d\d:\d\d$/);
  await page.screenshot({ path: "test-results/inbox-workflow.png" });
});
