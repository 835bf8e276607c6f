import { expect, type Page } from "@playwright/test";
import { generateSync } from "otplib";
import { ownerDb } from "@forecourt/testing";

export const DEMO_PASSWORD = "Forecourt-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export function sidebarLinks(page: Page) {
  return page.getByTestId("sidebar").getByRole("navigation").getByRole("link");
}

export async function expectSignedInAs(page: Page, name: string) {
  await expect(page.getByTestId("current-user")).toHaveText(name);
}

/** The code an authenticator app would show now for a base32 secret. */
export function totpNow(secret: string): string {
  return generateSync({ secret });
}

/** Enrols two-factor on the settings page; returns the secret for later sign-ins. */
export async function enrolTwoFactor(page: Page): Promise<string> {
  return (await enrolTwoFactorWithCodes(page)).secret;
}

/** The same, also returning the recovery codes shown once after enrolment. */
export async function enrolTwoFactorWithCodes(page: Page): Promise<{ secret: string; codes: string[] }> {
  await page.goto("/settings/two-factor");
  await page.getByTestId("start-two-factor").click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("6-digit code").fill(totpNow(secret));
  await page.getByTestId("confirm-two-factor").click();
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-code").allTextContents()).map((c) => c.trim());
  await page.getByTestId("recovery-codes-saved").click();
  await expect(page.getByTestId("two-factor-on")).toBeVisible();
  return { secret, codes };
}

/** Signs in and answers the two-factor prompt. */
export async function signInWithCode(page: Page, email: string, password: string, secret: string) {
  await signIn(page, email, password);
  await page.getByLabel("Two-factor code").fill(totpNow(secret));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

/**
 * Signs in as the seeded provider support user. Provider staff must use two-factor, so this
 * starts from the seeded state (no two-factor), enrols, and lands on the provider console.
 */
export async function signInAsProviderSupport(page: Page) {
  await ownerDb().user.update({
    where: { email: "support@forecourt.example" },
    data: { totpEnabledAt: null, totpSecretEncrypted: null },
  });
  await signIn(page, "support@forecourt.example");
  await expect(page).toHaveURL(/\/settings\/two-factor\?required=1$/);
  await enrolTwoFactor(page);
  await page.goto("/provider");
  await expect(page.getByRole("heading", { name: "Provider console" })).toBeVisible();
}
