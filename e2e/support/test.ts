// Playwright's `test` for every spec, with one automatic check: no page of any context a test opens logs a
// Content-Security-Policy violation (a script, style, image or connection the policy in lib/security/headers.ts
// blocked). Specs import { test, expect, … } from here instead of "@playwright/test".
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export * from "@playwright/test";

/** An annotation for a test that provokes a violation to show the policy holds. */
export const EXPECTS_CSP_VIOLATION = "expects-csp-violation";

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ browser, context }, runTest, testInfo) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("console", (message) => {
          if (message.text().includes("Content Security Policy")) {
            violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
          }
        });
      watch(context);
      // Specs open more contexts for other people (browser.newContext): they are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const opened = await newContext(...args);
        watch(opened);
        return opened;
      };
      try {
        await runTest();
      } finally {
        browser.newContext = newContext;
      }
      // The one test that provokes a violation on purpose says so (e2e/security-headers.spec.ts).
      if (testInfo.annotations.some((a) => a.type === EXPECTS_CSP_VIOLATION)) return;
      expect(violations, "Content-Security-Policy violations in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

/** Resolves once the header's search form has streamed in and works (components/header-search.tsx): type after it. */
export async function headerSearchReady(page: Page): Promise<void> {
  await expect(page.locator("[data-search-ready]")).toHaveCount(1);
}
