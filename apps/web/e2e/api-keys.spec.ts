import { expect, test, type Locator, type Page } from "@playwright/test";
import { ownerDb } from "@forecourt/testing";
import { signIn } from "./helpers";

// Settings → API keys: an administrator creates a key (refused input keeps what was typed), sees
// it once, uses it for a real /api/v1 request, revokes it (the same request is then 401), and
// reads the API reference page rendered from the OpenAPI document.

/** Screenshots at desktop and phone width (test-results/), optionally with one element scrolled into view. */
async function shoot(page: Page, name: string, focus?: Locator) {
  for (const [width, height] of [
    [1280, 860],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    if (focus) await focus.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `test-results/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test("an admin creates an API key, uses it once shown, revokes it, and reads the reference", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const name = `CRM sync ${Date.now().toString(36)}`;
  const call = (key: string) =>
    fetch(`${baseURL}/api/v1/conversations`, { headers: { authorization: `Bearer ${key}` } });

  // From the empty state: the first key turns it into the list, and the key must stay shown.
  const admin = await ownerDb().user.findUniqueOrThrow({
    where: { email: "admin@northwind.example" },
    select: { memberships: { select: { customerId: true } } },
  });
  const customerIds = admin.memberships.map((m) => m.customerId);
  await ownerDb().apiIdempotencyKey.deleteMany({ where: { customerId: { in: customerIds } } });
  await ownerDb().apiKey.deleteMany({ where: { customerId: { in: customerIds } } });

  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/settings\/api-keys$/);
  await expect(page.getByTestId("empty-state")).toContainText("No API keys yet");
  await expect(page.getByTestId("empty-state").getByTestId("api-reference-link")).toBeVisible();
  await shoot(page, "api-keys-empty");

  // Create: nothing filled in is refused field by field; what was typed stays.
  await page.getByTestId("new-api-key").click();
  const dialog = page.getByTestId("api-key-dialog");
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await dialog.getByTestId("api-key-create").click();
  await expect(dialog.getByTestId("field-error")).toBeVisible();
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByTestId("api-key-create").click();
  await expect(dialog.getByText("Choose at least one permission")).toBeVisible();
  await expect(dialog.getByLabel("Name")).toHaveValue(name);
  await dialog.getByTestId("scope-conversations:read").check();
  await dialog.getByTestId("scope-contacts:read").check();
  await shoot(page, "api-keys-form");
  await dialog.getByTestId("api-key-create").click();

  // Shown once, with a curl call against this app.
  const shown = dialog.getByTestId("api-key-created");
  await expect(shown).toContainText("you won’t see it again");
  const key = (await shown.getByTestId("api-key-token").textContent())!.trim();
  expect(key).toMatch(/^fc_live_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
  await expect(shown.getByTestId("api-key-curl")).toContainText(`${baseURL}/api/v1/conversations`);
  await expect(shown.getByTestId("api-key-curl")).toContainText(key);
  await shoot(page, "api-keys-shown-once");

  const ok = await call(key);
  expect(ok.status).toBe(200);
  expect(Array.isArray(((await ok.json()) as { data: unknown[] }).data)).toBe(true);

  await shown.getByTestId("api-key-done").click();
  await expect(dialog).toBeHidden();
  await page.reload();
  // The list never shows the key again: its prefix, scopes and when it was used.
  await expect(page.getByText(key)).toHaveCount(0);
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toHaveAttribute("data-status", "ACTIVE");
  await expect(row).toContainText(`fc_live_…${key.slice(-6)}`);
  await expect(row).toContainText("Conversations·Read");
  await expect(row.getByTestId("api-key-last-used")).toContainText("Last used");
  await shoot(page, "api-keys-list");

  // Revoke asks first; Cancel keeps the key.
  await row.getByTestId("api-key-revoke").click();
  const confirm = row.getByTestId("api-key-revoke-dialog");
  await expect(confirm).toContainText(`Revoke “${name}”?`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  expect((await call(key)).status).toBe(200);
  await row.getByTestId("api-key-revoke").click();
  await confirm.getByTestId("api-key-revoke-confirm").click();
  await expect(row).toHaveAttribute("data-status", "REVOKED");
  await expect(row).toContainText("Revoked");
  await expect(row.getByTestId("api-key-revoke")).toHaveCount(0);
  const refused = await call(key);
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { code: string }).code).toBeTruthy();

  // The reference page: every endpoint of the document, grouped, with the scope it needs.
  await page.getByTestId("api-reference-link").first().click();
  await expect(page).toHaveURL(/\/settings\/api-keys\/reference$/);
  const list = page.locator('[data-operation="listConversations"]');
  await expect(list).toContainText("GET");
  await expect(list).toContainText("/conversations");
  await expect(list).toContainText("conversations:read");
  await expect(list).toContainText("nextCursor");
  await expect(page.locator('[data-operation="listMessages"]')).toContainText(
    "/conversations/{conversationId}/messages",
  );
  await expect(page.getByTestId("api-tag").filter({ hasText: "Conversations" }).first()).toBeVisible();
  await expect(page.getByTestId("openapi-json")).toHaveAttribute("href", "/api/v1/openapi.json");
  await shoot(page, "api-reference");
  await shoot(page, "api-reference-endpoint", list);
});

test("an agent has no API keys page", async ({ page }) => {
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox/, { timeout: 30_000 });
  await page.goto("/settings/api-keys");
  await expect(page).toHaveURL(/\/forbidden/);
});
