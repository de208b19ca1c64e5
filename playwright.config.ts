import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./scripts/chromium.mjs";

// The server is started by scripts/e2e.mjs (build, fresh seeded database, next start).
export default defineConfig({
  testDir: "tests/e2e",
  // Not test-results/ itself: Playwright empties its outputDir, and the unit and integration
  // JSON reports live there.
  outputDir: "test-results/e2e-artifacts",
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON ?? "test-results/e2e.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      // The security sweep counts every table's rows: it runs after the journeys that write.
      // In a whole run scripts/e2e.mjs runs these journeys each on a fresh database (ISOLATED there):
      // they create the demo schools' packages and plans that other journeys expect absent.
      testIgnore: process.env.E2E_SKIP_ISOLATED ? [/security\.spec\.ts/, /(^|\/)(awards|awards-routes|council-votes|double-submit)\.spec\.ts$/] : /security\.spec\.ts/,
      use: browser(),
    },
    { name: "security", testMatch: /security\.spec\.ts/, dependencies: ["chromium"], use: browser() },
  ],
});

function browser() {
  return {
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  };
}
