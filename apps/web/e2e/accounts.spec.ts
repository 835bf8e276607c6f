import { expect, test, type Browser, type Page } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { getSessionContext } from "@forecourt/core/accounts/get-session-context";
import { signInWithPassword } from "@forecourt/core/accounts/sign-in-with-password";
import { encryptSecret } from "@forecourt/core/crypto/secret-box";
import { newTotpSecret } from "@forecourt/core/security/totp";
import { createTestUser, ownerDb, SmtpSink } from "@forecourt/testing";
import { expectSignedInAs, signIn, signInWithCode } from "./helpers";

// The accounts story end to end, with a real SMTP server on 127.0.0.1 that receives what the
// app sends: provider staff set up a dealer group and its admin; the admin invites an agent
// scoped to one dealer; provider staff suspend that agent and the agent's open session ends.

const sink = new SmtpSink();
const suffix = crypto.randomUUID().slice(0, 6);
const group = `Harbour Motors ${suffix}`;
const north = `Harbour North ${suffix}`;
const south = `Harbour South ${suffix}`;
const adminEmail = `admin-${suffix}@test.example`;
const agentEmail = `agent-${suffix}@test.example`;
const adminPassword = "tidal-lantern-copper-31";
const agentPassword = "meadow-quartz-falcon-58";
let provider: { email: string; password: string; secret: string };

test.beforeAll(async () => {
  await sink.listen(getConfig().SMTP_PORT);
  const secret = newTotpSecret();
  const { user, password } = await createTestUser({ providerRole: "SUPPORT" });
  await ownerDb().user.update({
    where: { id: user.id },
    data: { name: "Pia Provider", totpSecretEncrypted: encryptSecret(secret), totpEnabledAt: new Date() },
  });
  provider = { email: user.email, password, secret };
});

test.afterAll(async () => {
  await sink.close();
});

async function linkFromMail(to: string, path: string): Promise<string> {
  const mail = await sink.waitFor(to, (m) => m.text.includes(`/${path}/`));
  const match = new RegExp(`(https?://\\S+/${path}/\\S+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`No ${path} link in mail to ${to}`);
  return new URL(match[1]).pathname;
}

async function acceptInvitation(browser: Browser, to: string, name: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  await page.goto(await linkFromMail(to, "invite"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Your name").fill(name);
  // A password the breached list knows is refused; the name stays as typed.
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Set password and join" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "password" })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue(name);
  await page.getByLabel("New password").fill(password);
  await page.getByRole("button", { name: "Set password and join" }).click();
  await expect(page.getByTestId("password-done")).toBeVisible();
  await signIn(page, to, password);
  return page;
}

test("provider staff provision a dealer group; its admin scopes an agent; suspension ends the agent's session", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);

  // Provider staff (two-factor required) create the dealer group with two dealers.
  await signInWithCode(page, provider.email, provider.password, provider.secret);
  await expect(page).toHaveURL(/\/provider$/);
  const create = page.getByTestId("create-customer");
  await create.getByLabel("Name").fill(group);
  await create.getByLabel("Kind").selectOption("DEALER_GROUP");
  await create.getByTestId("create-customer-submit").click();
  await expect(page.getByTestId("customer-list").getByRole("link", { name: group })).toBeVisible();
  await page.getByTestId("customer-list").getByRole("link", { name: group }).click();
  await expect(page.getByTestId("customer-name")).toHaveText(group);
  const customerUrl = page.url();

  // A refused dealer (a one-letter name) keeps what was typed, and says why; the zone is picked from a list.
  const addDealer = page.getByTestId("add-dealer");
  await addDealer.getByLabel("Dealer name").fill("X");
  await addDealer.getByLabel("City").fill("Utrecht");
  await addDealer.getByLabel("Time zone").selectOption("Europe/Copenhagen");
  await addDealer.getByTestId("add-dealer-submit").click();
  await expect(addDealer.getByTestId("form-error")).toBeVisible();
  await expect(addDealer.getByLabel("Dealer name")).toHaveValue("X");
  await expect(addDealer.getByLabel("City")).toHaveValue("Utrecht");
  await expect(addDealer.getByLabel("Time zone")).toHaveValue("Europe/Copenhagen");
  await addDealer.getByLabel("City").fill("");
  await addDealer.getByLabel("Time zone").selectOption("Europe/Amsterdam");

  for (const dealer of [north, south]) {
    const form = page.getByTestId("add-dealer");
    await form.getByLabel("Dealer name").fill(dealer);
    await form.getByTestId("add-dealer-submit").click();
    await expect(page.getByTestId("dealers").getByText(dealer, { exact: true })).toBeVisible();
  }

  // … and invite its administrator.
  const invite = page.getByTestId("invite-admin");
  await invite.getByLabel("Administrator's e-mail").fill(adminEmail);
  await invite.getByTestId("invite-admin-submit").click();
  await expect(invite.getByTestId("form-success")).toBeVisible();

  // The admin accepts from the caught e-mail and sets a password.
  const adminPage = await acceptInvitation(browser, adminEmail, "Hana Admin", adminPassword);
  await expectSignedInAs(adminPage, "Hana Admin");
  await expect(adminPage.getByTestId("workspace-switcher")).toContainText(group);

  // The admin invites an agent limited to one dealer.
  await adminPage.goto("/settings/users");
  const agentInvite = adminPage.getByTestId("invite-user");
  await agentInvite.getByLabel("E-mail").fill(agentEmail);
  await agentInvite.getByLabel("Role").selectOption("AGENT");
  await agentInvite.getByLabel(north).check();
  await agentInvite.getByTestId("invite-submit").click();
  await expect(agentInvite.getByTestId("form-success")).toBeVisible();

  // The agent accepts, signs in, and works in that one dealer only.
  const agentPage = await acceptInvitation(browser, agentEmail, "Arlo Agent", agentPassword);
  await expect(agentPage).toHaveURL(/\/inbox(\?.*)?$/);
  await expectSignedInAs(agentPage, "Arlo Agent");
  await expect(agentPage.getByTestId("workspace-switcher")).toContainText(`Agent · ${north}`);
  await expect(agentPage.getByTestId("workspace-switcher")).not.toContainText(south);
  // The same scope, as core resolves it for every request (the inbox filters on these dealers).
  const probe = await signInWithPassword({
    email: agentEmail,
    password: agentPassword,
    ip: "10.77.0.1",
    userAgent: "e2e",
  });
  expect(probe.ok).toBe(true);
  if (probe.ok) {
    const context = await getSessionContext(probe.sessionId);
    expect(context?.active?.dealers.map((d) => d.name)).toEqual([north]);
  }

  // Provider staff suspend the agent; the agent's open session ends.
  await page.goto(customerUrl);
  const agentRow = page.getByTestId("customer-user").filter({ hasText: agentEmail });
  await agentRow.getByTestId("toggle-user-suspension").click();
  await expect(agentRow.getByText("Suspended by Forecourt")).toBeVisible();
  await agentPage.goto("/settings");
  await expect(agentPage).toHaveURL(/\/sign-in$/);
  await signIn(agentPage, agentEmail, agentPassword);
  await expect(agentPage.getByTestId("sign-in-error")).toContainText("suspended");

  // The audit log shows what happened, to provider staff.
  await page.goto(`/provider/audit?customerId=${customerUrl.split("/").pop()}`);
  await expect(page.getByTestId("audit-table")).toContainText("account.suspended");
  await expect(page.getByTestId("audit-table")).toContainText("user.invited");
});

test("a customer admin sees only their own tenant's audit log and can export it as CSV", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox(\?.*)?$/);
  await page.goto("/settings/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const response = await page.request.get("/api/audit/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = await response.text();
  expect(csv.split("\r\n")[0]).toBe("time,customer_id,customer,actor,action,target_type,target_id,ip,details");
  expect(csv).not.toContain(group);
  const foreign = await page.request.get(`/api/audit/export?customerId=${crypto.randomUUID()}`);
  expect(foreign.status()).toBe(403);
});

test("someone who forgot their password gets a single-use link by e-mail", async ({ page }) => {
  const { user } = await createTestUser();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.waitForLoadState("networkidle"); // hydrated, so the form runs as a server action
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If that address has an account");
  const path = await linkFromMail(user.email, "reset-password");
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("New password").fill("password1234");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "leaked passwords" })).toBeVisible();
  await page.getByLabel("New password").fill("orchid-basalt-ferry-26");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByTestId("password-done")).toBeVisible();
  await page.goto(path);
  await expect(page.getByTestId("reset-invalid")).toBeVisible();
  await signIn(page, user.email, "orchid-basalt-ferry-26");
  await expectSignedInAs(page, "Test User");
});
