import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

// Settings → Departments: a dealer group's administrator adds a department to a dealer (a name
// the dealer already has is refused at the field, keeping what was typed), renames it, sets an SLA
// target and deletes it.

test("an administrator adds, renames and deletes a dealer's department", async ({ page }) => {
  test.setTimeout(90_000);
  const name = `Trade-in ${Date.now().toString(36)}`;
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/departments");
  await expect(page.getByRole("heading", { name: "Departments" })).toBeVisible();
  const dealer = page.getByTestId("department-dealer").filter({ hasText: "Northwind Amsterdam" });

  await dealer.getByRole("button", { name: "Add a department to Northwind Amsterdam" }).click();
  let form = dealer.getByTestId("department-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Kind").selectOption("SALES");
  await form.getByTestId("department-save").click();
  await expect(dealer.getByTestId("department").filter({ hasText: name })).toBeVisible();

  // The same name again at this dealer: refused at the field, nothing typed is lost.
  await dealer.getByRole("button", { name: "Add a department to Northwind Amsterdam" }).click();
  form = dealer.getByTestId("department-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByTestId("department-save").click();
  await expect(form.getByTestId("field-error")).toContainText("Already used at this dealer");
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue(name);
  await page.screenshot({ path: "test-results/departments-refused.png" });
  await form.getByRole("button", { name: "Cancel" }).click();

  await dealer.getByRole("button", { name: `Edit ${name}` }).click();
  form = dealer.getByTestId("department-form");
  await form.getByLabel("Name", { exact: true }).fill(`${name} desk`);
  await form.getByLabel("Kind").selectOption("OTHER");
  // SLA targets (docs/inbox.md#sla-targets): a first-reply target, no resolution target.
  await form.getByLabel("First reply within (minutes)").fill("20");
  await form.getByTestId("department-save").click();
  const row = dealer.getByTestId("department").filter({ hasText: `${name} desk` });
  await expect(row).toContainText("Other");
  await expect(row).toContainText("first reply within 20 min");
  await expect(row).not.toContainText("resolve within");
  await row.getByRole("button", { name: `Edit ${name} desk` }).click();
  form = dealer.getByTestId("department-form");
  await expect(form.getByLabel("First reply within (minutes)")).toHaveValue("20");
  await expect(form.getByLabel("Resolve within (minutes)")).toHaveValue("");
  await form.getByRole("button", { name: "Cancel" }).click();
  await page.screenshot({ path: "test-results/departments.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/departments-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: `Delete ${name} desk` }).click();
  await expect(row).toBeHidden();
});
