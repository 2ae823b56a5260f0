// On a phone the home page's topics sidebar and activity panel become "Topics" and "Activity"
// buttons that open a modal sheet; it works by touch and by keyboard and never scrolls sideways.
import { expect, test } from "./support/test";

test("the Topics button opens the topics in a sheet and picking one filters the feed", async ({ page }) => {
  await page.goto("/");
  // The desktop sidebar is not on screen.
  await expect(page.getByRole("navigation", { name: "Topics" })).toBeHidden();
  const topics = page.getByRole("button", { name: "Topics" });
  await expect(topics).toHaveAttribute("aria-expanded", "false");

  await topics.click();
  const sheet = page.getByRole("dialog", { name: "Topics" });
  await expect(sheet).toBeVisible();
  await expect(topics).toHaveAttribute("aria-expanded", "true");
  await expect(sheet.getByRole("link", { name: /^All rooms \d+ rooms$/ })).toHaveAttribute("aria-current", "page");
  await expect(sheet.getByRole("link", { name: /^Python \d+ rooms$/ })).toBeVisible();
  await expect(sheet.getByRole("link", { name: "Search topics" })).toHaveAttribute("href", "/topics");

  await sheet.getByRole("link", { name: /^Calculus \d+ rooms$/ }).click();
  await expect(page).toHaveURL(/\/\?topic=calculus$/);
  await expect(sheet).toBeHidden();
  await expect(page.getByRole("button", { name: "Topics · Calculus" })).toBeVisible();
  await expect(page.getByTestId("room-card").getByRole("link", { name: "Calculus study group" })).toBeVisible();
  await expect(page.getByTestId("room-card").getByRole("link", { name: "Python basics", exact: true })).toHaveCount(0);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const url of ["/", `/?q=${"nothing-like-this ".repeat(8).trim()}`, "/?topic=no-such-topic", "/topics"]) {
    await page.goto(url);
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wider, url).toBeLessThanOrEqual(0);
  }
});

test("the sheets work from the keyboard: Enter opens, focus moves in, Escape closes and returns focus", async ({
  page,
}) => {
  await page.goto("/");
  const activity = page.getByRole("button", { name: "Activity" });
  await activity.focus();
  await page.keyboard.press("Enter");
  const sheet = page.getByRole("dialog", { name: "Recent activity" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(activity).toBeFocused();
  await expect(activity).toHaveAttribute("aria-expanded", "false");

  const topics = page.getByRole("button", { name: "Topics" });
  await topics.focus();
  await page.keyboard.press("Enter");
  const topicSheet = page.getByRole("dialog", { name: "Topics" });
  await expect(topicSheet).toBeVisible();
  await topicSheet.getByRole("button", { name: "Close" }).click();
  await expect(topicSheet).toBeHidden();
  await expect(topics).toBeFocused();
});

test("the phone feed has its count, sort and cards without sideways scrolling", async ({ page }) => {
  // A small phone: long names and the card footers must truncate or wrap, not widen the page.
  await page.setViewportSize({ width: 360, height: 780 });
  // "basics", not "python": rooms made by other specs are all under Python.
  await page.goto("/?q=basics");
  await expect(page.getByTestId("room-count")).toHaveText(/rooms? matching “basics”/);
  await expect(
    page.getByRole("navigation", { name: "Sort rooms" }).getByRole("link", { name: "Most participants" }),
  ).toBeVisible();
  await expect(page.getByTestId("room-card").getByRole("link", { name: "Python basics", exact: true })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const url of ["/", `/?q=${"nothing-like-this ".repeat(8).trim()}`, "/?topic=no-such-topic", "/topics"]) {
    await page.goto(url);
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wider, url).toBeLessThanOrEqual(0);
  }
});
