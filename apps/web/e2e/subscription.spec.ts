import { expect, test } from "@playwright/test";
import { customerSchedules, dissolutionNoticeEffect } from "@forecourt/contract";
import { ownerDb } from "@forecourt/testing";
import { signIn, signInAsProviderSupport } from "./helpers";

const NORTHWIND = "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e1c01";
const NORTHWIND_CONVERSATIONS = "6f1c9e52-3d0a-4c5e-9a77-0b2f4a8e2c01";
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The seeded group is inside its dissolution window; start every run from "no notice filed". */
test.beforeEach(async () => {
  await ownerDb().subscription.updateMany({
    where: { customerId: NORTHWIND },
    data: { noticeKind: null, noticeDate: null, noticeReason: null, terminationDate: null, status: "ACTIVE" },
  });
});

test("the owner files a dissolution notice in Settings → Subscription while the window is open", async ({ page }) => {
  await signIn(page, "owner@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings");
  await page.getByRole("link", { name: /^Subscription/ }).click();
  await expect(page).toHaveURL(/\/settings\/subscription$/);
  await expect(page.getByRole("heading", { name: "Subscription", level: 1 })).toBeVisible();

  const card = page.getByTestId("subscription-card").filter({ hasText: "Conversations" });
  const status = card.getByTestId("dissolution-status");
  await expect(status).toContainText("The dissolution window is open until");
  const effective = (await status.textContent())?.match(/takes effect on ([^:]+):/)?.[1];
  expect(effective).toBeTruthy();

  // The second product (Integrations) has no dissolution option, and says so.
  await expect(
    page.getByTestId("subscription-card").filter({ hasText: "Integrations" }).getByTestId("dissolution-status"),
  ).toContainText("ends by ordinary notice");

  // The notice needs an explicit confirmation.
  const submit = card.getByRole("button", { name: "File dissolution notice" });
  await submit.click();
  await expect(card.getByTestId("contract-result")).toHaveCount(0);
  await card.getByLabel(/I understand that this ends the subscription on/).check();
  await submit.click();
  // The page reloads its data: the form gives way to the filed notice and its effective day.
  await expect(card.getByRole("button", { name: "File dissolution notice" })).toHaveCount(0);
  await expect(card.getByTestId("dissolution-status")).toContainText(`Dissolution notice filed on`);
  await expect(card.getByTestId("dissolution-status")).toContainText(`The subscription ends on ${effective}.`);

  // Stored, computed by packages/contract from the order forms, and audited.
  const subscriptions = await ownerDb().subscription.findMany({ where: { customerId: NORTHWIND } });
  const row = subscriptions.find((s) => s.id === NORTHWIND_CONVERSATIONS);
  const schedule = customerSchedules(
    "DEALER_GROUP",
    subscriptions.map((s) => ({
      id: s.id,
      contractDate: iso(s.contractDate) as string,
      firstTrainingDate: iso(s.firstTrainingDate),
      initialTermMonths: s.initialTermMonths,
    })),
  ).get(NORTHWIND_CONVERSATIONS);
  const expected = dissolutionNoticeEffect(schedule!, iso(row!.noticeDate)!);
  expect(expected.accepted && expected.terminationDate).toBe(iso(row!.terminationDate));
  expect([row!.noticeKind, row!.status]).toEqual(["DISSOLUTION", "NOTICE_GIVEN"]);
  const audit = await ownerDb().auditEvent.findFirst({
    where: { customerId: NORTHWIND, action: "subscription.notice.dissolution", targetId: NORTHWIND_CONVERSATIONS },
    orderBy: { createdAt: "desc" },
  });
  expect(audit?.data).toMatchObject({ terminationDate: iso(row!.terminationDate) });
});

test("an administrator sees the window but only an owner can file the notice", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings/subscription");
  const card = page.getByTestId("subscription-card").filter({ hasText: "Conversations" });
  await expect(card.getByTestId("dissolution-status")).toContainText("The dissolution window is open until");
  await expect(card.getByText("Only an owner can file a dissolution notice.")).toBeVisible();
  await expect(card.getByRole("button", { name: "File dissolution notice" })).toHaveCount(0);
});

test("outside the window the page says when the next one opens", async ({ page }) => {
  // Olivia is also an administrator of Van der Meer Auto, whose window has closed.
  await signIn(page, "owner@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  const switcher = page.getByTestId("workspace-switcher");
  await switcher.click();
  await page.getByRole("option", { name: "Van der Meer Auto" }).click();
  await expect(switcher).toContainText("Van der Meer Auto");
  await page.goto("/settings/subscription");
  await expect(page.getByTestId("dissolution-status")).toHaveText(
    /^The dissolution window is closed\. The next window opens on \d{1,2} \w{3,4} \d{4}\.$/,
  );
  await expect(page.getByRole("button", { name: "File dissolution notice" })).toHaveCount(0);
});

test("an agent cannot open Settings → Subscription", async ({ page }) => {
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings/subscription");
  await expect(page).toHaveURL(/\/forbidden$/);
});

test("provider staff see the computed schedule as a timeline", async ({ page }) => {
  await signInAsProviderSupport(page);
  await page.getByRole("link", { name: "Contracts" }).click();
  await page.getByTestId("contracts-table").getByRole("link", { name: "Northwind Motors" }).click();
  await expect(page).toHaveURL(new RegExp(`/provider/customers/${NORTHWIND}/subscription$`));
  const card = page.getByTestId("subscription-card").filter({ hasText: "Conversations" });
  const timeline = card.getByTestId("schedule-timeline");
  for (const label of [
    "Start",
    "First invoice",
    "Dissolution window",
    "Ordinary notice deadline",
    "Term ends",
    "Renewal",
    "Monthly invoice",
  ]) {
    await expect(timeline.getByText(label, { exact: false }).first()).toBeVisible();
  }
  await expect(timeline.getByText(/^Today ·/)).toBeVisible();
  // A fee rise in the first contract year is refused with the reason.
  const fee = card.getByTestId("fee-form");
  await fee.getByLabel("New monthly fee (EUR)").fill("990.00");
  await fee.getByRole("button", { name: "Change fee" }).click();
  await expect(fee.getByTestId("contract-result")).toContainText(
    "Refused: fees do not rise in the first contract year",
  );
});
