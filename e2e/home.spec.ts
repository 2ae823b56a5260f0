// The home page lists the seeded rooms from the database and the header search narrows them.
import { expect, test } from "@playwright/test";

test("a visitor sees seeded rooms on the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Roomful/);
  const cards = page.getByTestId("room-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(12);

  const python = cards.filter({ has: page.getByRole("link", { name: "Python basics", exact: true }) });
  await expect(python).toContainText("Python");
  await expect(python).toContainText("@alice");
  await expect(python).toContainText(/ago/);
});

test("the header search submits to the home page and narrows the rooms", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await search.fill("calculus");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/\?q=calculus$/);
  const cards = page.getByTestId("room-card");
  await expect(cards.getByRole("link", { name: "Calculus study group" })).toBeVisible();
  await expect(cards.getByRole("link", { name: "Python basics" })).toHaveCount(0);
  await expect(search).toHaveValue("calculus");
});

test("a search with no match says so and offers a way back", async ({ page }) => {
  await page.goto("/?q=zzz-no-such-room");
  await expect(page.getByTestId("room-card")).toHaveCount(0);
  await expect(page.getByText(/No rooms match/)).toBeVisible();
});

test("the health endpoint reports both services up", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", failing: [] });
});
