import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * Runs against the production build. scripts/e2e.ts prepares the data
 * directory (and a throwaway PostgreSQL database when TEST_DATABASE_URL is set).
 * Debian's Chromium is used when present; otherwise Playwright's own browser.
 */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) =>
  existsSync(p),
);
export const E2E_OWNER = { email: "owner@e2e.test", password: "e2e owner password" };

const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
/** The PGlite server sends mail to a loopback SMTP sink that specs start on this port when they need it. */
export const E2E_SMTP_PORT = portBase + 25;
/** …and texts to a loopback Twilio stand-in (lib/testing/twilio-stand-in.ts) that SMS specs start on this port. */
export const E2E_TWILIO_PORT = portBase + 26;
const servers = [
  {
    name: "pglite",
    port: portBase,
    env: {
      HERALD_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data-e2e",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // The stand-in's credentials (lib/testing/twilio-stand-in.ts); nothing leaves the machine.
      TWILIO_API_URL: `http://127.0.0.1:${E2E_TWILIO_PORT}`,
      TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
      TWILIO_AUTH_TOKEN: "stand-in-auth-token-0123456789ab",
      TWILIO_FROM: "+14155550100",
    },
  },
];
if (process.env.E2E_POSTGRES_URL)
  servers.push({
    name: "postgres",
    port: portBase + 1,
    env: { DATABASE_URL: process.env.E2E_POSTGRES_URL } as never,
  });

/**
 * Browser walks through the console (and the page's look) that read and write only through
 * Herald's domain functions, which the unit suite runs on both engines: they run once, on PGlite.
 * Everything else also runs against PostgreSQL, where the engine shows: the public cache kept true
 * by the database's announcements, concurrent writers, sessions and rate limits under real
 * connections, the API, feeds and embeds.
 */
const CONSOLE_WALKS_ONCE = [
  "**/composer-template.spec.ts",
  "**/console-components.spec.ts",
  "**/literal-text.spec.ts",
  "**/phone-layout.spec.ts",
  "**/postmortem-autosave.spec.ts",
  "**/postmortems.spec.ts",
  "**/recurring-maintenance.spec.ts",
  "**/status-page-looks.spec.ts",
  "**/template-edit.spec.ts",
];

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // Walks through the console (two leads, a handoff) take several server round trips per step on a
  // 2-core CI machine that also runs the browser and two servers: budgets for that, not timing claims.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: servers.map((s) => ({
    name: s.name,
    use: { baseURL: `http://localhost:${s.port}` },
    // *.mail.spec.ts need the SMTP sink the PGlite server is pointed at;
    // *.pg.spec.ts need direct PostgreSQL access (E2E_POSTGRES_URL).
    testIgnore:
      s.name === "pglite" ? ["**/*.pg.spec.ts"] : ["**/*.mail.spec.ts", ...CONSOLE_WALKS_ONCE],
  })),
  webServer: servers.map((s) => ({
    // The compiled server production runs (scripts/e2e.ts builds it; `npm run serve` rebuilds it when stale).
    command: "npm run serve",
    url: `http://localhost:${s.port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      NODE_ENV: "production",
      PORT: String(s.port),
      HERALD_SEED: "on",
      HERALD_URL: `http://localhost:${s.port}`,
      HERALD_ADMIN_EMAIL: E2E_OWNER.email,
      HERALD_ADMIN_PASSWORD: E2E_OWNER.password,
      // Slack app mode is on so its console form shows; the API host never resolves (.invalid).
      SLACK_BOT_TOKEN: "xoxb-e2e-not-a-real-token",
      SLACK_API_URL: "https://slack.api.invalid/api/",
      ...s.env,
    },
  })),
});
