// Playwright: browser tests in Chromium (e2e/support/chromium.ts picks which) against a production
// build of the app, with the local stack started by e2e/support/global-setup.ts.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chooseChromium, NoChromiumError } from "./e2e/support/chromium";
import { E2E_PORT } from "./e2e/support/e2e-config";

const chromium = await chooseChromium().catch((error: unknown) => {
  // One line, before the build starts, instead of every spec failing to launch.
  if (error instanceof NoChromiumError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
});

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Per port, like the build: a second run on another E2E_PORT must not wipe this one's traces.
  outputDir: E2E_PORT === 3100 ? ".playwright/results" : `.playwright/results-${E2E_PORT}`,
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: ".playwright/report" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    // DOM snapshots without the screencast: the screencast tripled Chromium's CPU on every test.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium.executablePath,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...chromium.env },
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: ["**/*.phone.spec.ts", "**/chat-catch-up.spec.ts"],
    },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: "**/*.phone.spec.ts" },
    // Stops and restarts the shared soketi: run alone, after everything else, so no other spec
    // sees the outage.
    {
      name: "outage",
      use: { ...devices["Desktop Chrome"] },
      testMatch: "**/chat-catch-up.spec.ts",
      dependencies: ["desktop", "phone"],
    },
  ],
});
