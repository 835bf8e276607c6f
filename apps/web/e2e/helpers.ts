import { expect, type Page } from "@playwright/test";

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
