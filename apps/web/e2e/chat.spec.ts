import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { getConfig } from "@forecourt/config";
import { DEMO_WIDGETS, demoWidgetKey } from "@forecourt/db/seed-chat";
import { signIn } from "./helpers";

// The widget on the demo dealer site (its own port: a different origin from the app), a visitor
// and an agent in two browser contexts, everything live over the gateway.
const config = getConfig();
const demoSite = `http://localhost:${config.DEMO_SITE_PORT}`;
const amsterdam = DEMO_WIDGETS.find((w) => w.slug === "demo-amsterdam")!;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function openWidget(page: Page): Promise<FrameLocator> {
  await page.goto(`${demoSite}/dealer/demo-amsterdam`);
  await page.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  return page.frameLocator('iframe[title="Chat with Northwind Amsterdam"]');
}

test("a visitor and an agent chat live through the widget on another origin", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const visitorName = `Visitor ${Date.now().toString(36)}`;

  // The agent has the inbox open before the visitor writes.
  const agentContext = await browser.newContext({ locale: "en-GB", baseURL: config.WEB_URL });
  const agent = await agentContext.newPage();
  // The dashboard runs under its nonce-based CSP (src/proxy.ts): no violation, sockets connect.
  const violations: string[] = [];
  for (const p of [agent, page]) {
    p.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|connect)/i.test(m.text())) violations.push(m.text());
    });
  }
  await signIn(agent, "admin@northwind.example");
  await expect(agent).toHaveURL(/\/inbox/);
  await expect(agent.getByTestId("live-indicator")).toHaveAttribute("data-connected", "true");
  const inboxPage = await agent.request.get("/inbox");
  expect(inboxPage.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  // Visitor: pre-chat form with consent, then text and a PDF.
  const widget = await openWidget(page);
  await widget.getByLabel("Name").fill(visitorName);
  await widget.getByLabel(/I agree/).check();
  await widget.getByRole("button", { name: "Start chat" }).click();
  const input = widget.getByLabel("Your message");
  await input.fill("Is the Volvo EX30 still available?");
  await input.press("Enter");
  await expect(widget.locator(".msg.mine").filter({ hasText: "Volvo EX30" })).toBeVisible();
  await expect(widget.getByText("Sending…")).toHaveCount(0);
  await widget
    .locator('input[type="file"]')
    .setInputFiles({ name: "trade-in.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(widget.getByText("trade-in.pdf")).toBeVisible();

  // Agent: the new conversation and both messages arrive live.
  const row = agent.getByTestId("conversation-row").filter({ hasText: visitorName });
  await expect(row).toBeVisible();
  await row.click();
  const thread = agent.getByTestId("message-list");
  await expect(thread.getByText("Is the Volvo EX30 still available?")).toBeVisible();
  await expect(thread.getByText("trade-in.pdf")).toBeVisible();

  // A private note, then a reply: the visitor sees the reply live, never the note.
  await agent.getByRole("button", { name: "Private note" }).click();
  await agent.getByTestId("composer").fill("Secret: customer has a trade-in");
  await agent.getByTestId("composer").press("Enter");
  await expect(thread.getByTestId("note").filter({ hasText: "Secret: customer has a trade-in" })).toBeVisible();
  await agent.getByRole("button", { name: "Reply", exact: true }).click();
  await agent.getByTestId("composer").fill("Yes, it is! Shall I book a test drive?");
  await expect(widget.locator(".typing")).toContainText("typing");
  await agent.getByTestId("composer").press("Enter");
  await expect(widget.getByText("Yes, it is! Shall I book a test drive?")).toBeVisible();
  // The typing line goes when the message lands, not seconds later (it would linger 6 s).
  await expect(widget.locator(".typing")).toHaveText("", { timeout: 2000 });
  await expect(widget.getByText(/Secret/)).toHaveCount(0);

  // After reloading, both sides see the whole history (and still no note for the visitor).
  await page.reload();
  await page.getByRole("button", { name: "Chat with Northwind Amsterdam" }).click();
  const again = page.frameLocator('iframe[title="Chat with Northwind Amsterdam"]');
  await expect(again.getByText("Is the Volvo EX30 still available?")).toBeVisible();
  await expect(again.getByText("trade-in.pdf")).toBeVisible();
  await expect(again.getByText("Yes, it is! Shall I book a test drive?")).toBeVisible();
  await expect(again.getByText(/Secret/)).toHaveCount(0);

  await agent.reload();
  const thread2 = agent.getByTestId("message-list");
  await expect(thread2.getByText("Is the Volvo EX30 still available?")).toBeVisible();
  await expect(thread2.getByText("trade-in.pdf")).toBeVisible();
  await expect(thread2.getByText("Secret: customer has a trade-in")).toBeVisible();
  await expect(thread2.getByText("Yes, it is! Shall I book a test drive?")).toBeVisible();

  // The visitor writes again after the reload: it arrives live for the agent.
  await again.getByLabel("Your message").fill("Saturday at ten?");
  await again.getByLabel("Your message").press("Enter");
  await expect(thread2.getByText("Saturday at ten?")).toBeVisible();
  expect(violations).toEqual([]);
  await agentContext.close();
});

test("a Danish visitor gets the widget in Danish, a channel can fix its language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "da-DK" });
  const page = await context.newPage();
  await page.goto(`${demoSite}/dealer/demo-amsterdam`);
  await page.getByRole("button", { name: "Chat med Northwind Amsterdam" }).click();
  await expect(page.locator('iframe[title="Chat med Northwind Amsterdam"]')).toBeAttached();
  // By its place, not its title: setLocale renames the frame too.
  const widget = page.frameLocator("[data-forecourt-widget] iframe");
  // The dealer's greeting in Danish (the demo data writes one per language), our own labels too.
  await expect(
    widget.getByText("Hej! Velkommen til Northwind Amsterdam. Hvad kan vi hjælpe med?").first(),
  ).toBeVisible();
  await expect(widget.getByLabel(/Jeg accepterer/)).toBeVisible();
  await expect(widget.locator("html")).toHaveAttribute("lang", "da");
  // The host page switches it to German: labels, the dealer's German greeting and the launcher.
  await page.evaluate(() =>
    (window as unknown as { Forecourt: (c: string, v: string) => void }).Forecourt("setLocale", "de-AT"),
  );
  await expect(
    widget.getByText("Hallo! Willkommen bei Northwind Amsterdam. Wie können wir helfen?").first(),
  ).toBeVisible();
  await expect(widget.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("button", { name: "Chat mit Northwind Amsterdam" })).toBeVisible();
  await expect(page.locator('iframe[title="Chat mit Northwind Amsterdam"]')).toBeAttached();
  await context.close();
});

test("a page on an origin that is not allowed gets no widget", async ({ page, request }) => {
  const key = demoWidgetKey(amsterdam.customerId, amsterdam.slug);
  const server: Server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(
      `<!doctype html><title>Copycat</title><h1>Copycat site</h1><script src="${config.WEB_URL}/widget.js" data-key="${key}" async></script>`,
    );
  });
  // Any free port: the fixed ones next to WEB_PORT belong to the stand-ins (scripts/test-env.sh).
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const origin = `http://localhost:${port}`;
    const answer = await request.get(`${config.WEB_URL}/api/widget/config?key=${key}`, { headers: { origin } });
    expect(answer.status()).toBe(403);
    expect(answer.headers()["access-control-allow-origin"]).toBeUndefined();
    const frame = await request.get(`${config.WEB_URL}/widget/frame?key=${key}&origin=${encodeURIComponent(origin)}`);
    expect(frame.status()).toBe(403);
    // The allowed page's frame keeps its own policy and its no-referrer (not next.config's).
    const allowed = await request.get(
      `${config.WEB_URL}/widget/frame?key=${key}&origin=${encodeURIComponent(demoSite)}`,
    );
    expect(allowed.headers()["referrer-policy"]).toBe("no-referrer");
    expect(allowed.headers()["content-security-policy"]).toContain(`frame-ancestors ${demoSite}`);

    const configCall = page.waitForRequest((r) => r.url().includes("/api/widget/config"));
    await page.goto(`${origin}/`);
    await configCall;
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Copycat site" })).toBeVisible();
    await expect(page.locator("[data-forecourt-widget]")).toHaveCount(0);
    await expect(page.locator("iframe")).toHaveCount(0);
  } finally {
    server.close();
  }
});

test("an administrator edits a dealer's website chat settings", async ({ page }) => {
  await signIn(page, "admin@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  const form = page.getByTestId("channel-form").filter({ hasText: "Northwind Copenhagen" });
  await expect(form.getByTestId("embed-snippet")).toContainText("/widget.js");
  const greeting = `Hej! Velkommen ${Date.now().toString(36)}`;
  await form.getByLabel("Greeting", { exact: true }).fill(greeting);
  await form.getByLabel("Phone").selectOption("required");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByTestId("channel-form")
      .filter({ hasText: "Northwind Copenhagen" })
      .getByLabel("Greeting", { exact: true }),
  ).toHaveValue(greeting);

  // Agents may not open the settings.
  await page.context().clearCookies();
  await signIn(page, "agent.copenhagen@northwind.example");
  await expect(page).toHaveURL(/\/inbox/);
  await page.goto("/settings/channels");
  await expect(page).toHaveURL(/\/forbidden/);
});
