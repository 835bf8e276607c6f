import { defineConfig, devices } from "@playwright/test";
import { getConfig } from "@forecourt/config";

// The test command exports the test environment (scripts/test-env.sh): its own database,
// Redis prefix and port. Chromium is Debian's (Playwright cannot download browsers here).
const config = getConfig();
const chromiumPath = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL: config.WEB_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    locale: "en-GB",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  // The app, the live-chat gateway, the worker, the channel simulator, the e-mail ingress and the demo dealer website (a different origin).
  webServer: [
    {
      // Our own server (server.ts), not `next start`: it stamps the client address from the socket.
      command: "NODE_ENV=production pnpm exec tsx server.ts",
      url: `${config.WEB_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "pnpm --dir ../gateway exec tsx src/main.ts",
      url: `${config.GATEWAY_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Channel replies go out through the worker's delivery jobs.
      command: "pnpm --dir ../worker exec tsx src/main.ts",
      wait: { stdout: /\[worker\] running/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The Meta Graph stand-in with the simulator page, loaded with this test database's seeded channels.
      command: "pnpm --dir ../../packages/testing exec tsx src/cli/channel-simulator.ts",
      url: `http://localhost:${config.CHANNEL_SIMULATOR_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The e-mail channel's SMTP ingress: the simulator's E-mail tab writes into it.
      command: "pnpm --dir ../mail-ingress exec tsx src/main.ts",
      wait: { stdout: /\[mail-ingress\] SMTP on/ },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "pnpm --dir ../widget exec tsx src/demo-site.ts",
      url: `http://localhost:${config.DEMO_SITE_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
