// The admin area at phone width: the section navigation scrolls sideways instead of widening
// the page, and tables scroll inside their card.
import { expect, test } from "./support/test";
import { createWithRole, signedIn } from "./support/admin";

test("admin pages fit a phone screen; the navigation reaches every section", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await signedIn(browser, await createWithRole("MODERATOR"));
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/admin", "/admin/rooms", "/admin/members", "/admin/audit", "/admin/topics"]) {
    await page.goto(url);
    await expect(page.getByTestId("admin-area")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${url} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  const nav = page.getByTestId("admin-nav");
  const last = nav.getByRole("link", { name: "Support requests" });
  // The row scrolls sideways to bring the last section into view.
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await last.click();
  await expect(page).toHaveURL(/\/admin\/support$/);
  await expect(nav.getByRole("link", { name: "Support requests" })).toHaveAttribute("aria-current", "page");
});
