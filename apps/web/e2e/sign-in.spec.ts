import { expect, test } from "@playwright/test";
import { ownerDb } from "@forecourt/testing";
import { enrolTwoFactorWithCodes, expectSignedInAs, sidebarLinks, signIn } from "./helpers";

test("an agent signs in and sees the agent sidebar, without the provider console", async ({ page }) => {
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await expectSignedInAs(page, "Mads Jensen");
  await expect(sidebarLinks(page)).toHaveText(
    ["Inbox", "Contacts", "Reports", "Settings"].map((t) => new RegExp(`^${t}`)),
  );
  await expect(page.getByRole("link", { name: /Provider console/ })).toHaveCount(0);
  // The tab has the Forecourt mark, not the browser's blank page.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect((await page.request.get(icon!)).headers()["content-type"]).toContain("image/svg+xml");
  await expect(page.getByTestId("workspace-switcher")).toContainText("Northwind Motors");
  await expect(page.getByTestId("workspace-switcher")).toContainText("Northwind Copenhagen");
  await expect(page.getByRole("navigation", { name: "Views" })).toContainText("All open");
});

test("provider staff enrol two-factor before they see the provider console", async ({ page }) => {
  // Start from the seeded state (no two-factor), so the test can be re-run on the same database.
  await ownerDb().user.update({
    where: { email: "support@forecourt.example" },
    data: { totpEnabledAt: null, totpSecretEncrypted: null },
  });
  await signIn(page, "support@forecourt.example");
  await expect(page).toHaveURL(/\/settings\/two-factor\?required=1$/);
  await expectSignedInAs(page, "Sam Support");
  await expect(sidebarLinks(page)).toHaveText([/^Settings/, /^Provider console/, /^Managed queue/]);
  await expect(page.getByTestId("two-factor-required")).toBeVisible();
  const { codes } = await enrolTwoFactorWithCodes(page);
  // Enrolled: the "set it up" banner is gone even on the ?required=1 address it came from.
  await page.goto("/settings/two-factor?required=1");
  await expect(page.getByTestId("two-factor-on")).toBeVisible();
  await expect(page.getByTestId("two-factor-required")).toHaveCount(0);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 unused codes left.");
  await page.goto("/provider");
  await expect(page.getByRole("heading", { name: "Provider console" })).toBeVisible();
  await expect(page.getByTestId("customer-list")).toContainText("Northwind Motors");

  // Phone lost: a recovery code (typed in lower case) signs in once, and is then used up.
  await page.context().clearCookies();
  await signIn(page, "support@forecourt.example");
  await page.getByLabel("Two-factor code").fill(codes[0]!.toLowerCase());
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("heading", { name: "Provider console" })).toBeVisible();
  await page.goto("/settings/two-factor");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 unused codes left.");
});

test("an agent cannot open the provider console by URL", async ({ page }) => {
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/provider");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
});

test("a Dutch-speaking agent gets the interface in Dutch", async ({ page }) => {
  await signIn(page, "agent.amsterdam@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await expect(sidebarLinks(page)).toHaveText([/^Inbox/, /^Contacten/, /^Rapporten/, /^Instellingen/]);
  await expect(page.getByRole("navigation", { name: "Weergaven" })).toContainText("Alle open");
});

test("a wrong password shows an error and keeps the e-mail", async ({ page }) => {
  await signIn(page, "admin@northwind.example", "not-the-password");
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "That e-mail and password don't match. Check both and try again.",
  );
  await expect(page.getByLabel("E-mail")).toHaveValue("admin@northwind.example");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("repeated failures are refused with a clear message, even with the right password", async ({ page }) => {
  const email = "owner@vandermeer.example";
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, email, `wrong-${attempt}`);
    await expect(page.getByTestId("sign-in-error")).toContainText("don't match");
  }
  await signIn(page, email, "wrong-5");
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    /^Too many failed attempts for this account\. Try again in \d+ minutes\.$/,
  );
  await signIn(page, email);
  await expect(page.getByTestId("sign-in-error")).toContainText("Too many failed attempts for this account");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("g then a letter moves between sections", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.keyboard.press("g");
  await page.keyboard.press("s");
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
});

test("a user with two memberships switches workspace", async ({ page }) => {
  await signIn(page, "owner@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  const switcher = page.getByTestId("workspace-switcher");
  await expect(switcher).toContainText("Northwind Motors");
  await expect(switcher).toContainText("Owner");
  await switcher.click();
  await page.getByRole("option", { name: "Van der Meer Auto" }).click();
  await expect(switcher).toContainText("Van der Meer Auto");
  await expect(switcher).toContainText("Administrator");
  await page.reload();
  await expect(switcher).toContainText("Van der Meer Auto");
});

test("the first Tab stop skips the navigation to the page's content", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
