// On a phone the header search folds into a button; opening it moves focus into the field.
import { expect, test } from "@playwright/test";

test("the phone header search opens from its button and searches", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Show search" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("searchbox", { name: "Search rooms" })).toBeHidden();

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await expect(search).toBeFocused();
  await search.fill("rust");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/\?q=rust$/);
  await expect(page.getByTestId("room-card").getByRole("link", { name: "Rust for beginners" })).toBeVisible();
  // No sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
