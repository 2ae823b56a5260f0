// The security headers (lib/security/headers.ts via proxy.ts) on pages and API answers, and the policy at work in
// Chromium: a script injected into a page does not run, and the console reports it (what every other test's
// automatic check in ./support/test.ts fails on).
import { EXPECTS_CSP_VIOLATION, expect, test } from "./support/test";

test("pages and API answers carry the security headers, with a fresh nonce each time", async ({ request }) => {
  const nonces: string[] = [];
  for (const path of ["/", "/", "/api/rooms"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    // APP_URL is http:// here: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
    nonces.push(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
  }
  expect(new Set(nonces).size).toBe(3);
});

test("an injected inline script does not run, and the browser says why", async ({ page }) => {
  test.info().annotations.push({ type: EXPECTS_CSP_VIOLATION });
  const reports: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) reports.push(message.text());
  });
  await page.goto("/");
  // What an XSS that got markup into the page would try: an inline handler.
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.id = "injected";
    button.setAttribute("onclick", "document.body.dataset.injected = 'ran'");
    button.textContent = "Injected";
    document.body.append(button);
  });
  await page.locator("#injected").click();
  await expect.poll(() => reports.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
});
