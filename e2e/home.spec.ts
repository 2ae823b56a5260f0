// The home page lists the seeded rooms from the database and the header search narrows them;
// a member sees unread badges on the cards of their rooms and a total in the header, and
// everyone sees who is online in each room.
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { expect, headerSearchReady, test, type Locator, type Page } from "./support/test";
import { signInViaApi } from "./support/accounts";
import { createMember, createRoom } from "./support/members";
import { sql } from "./support/services";

// Room searches are limited per IP (lib/rooms/search-limit.ts); this file speaks for an address of its own.
const clientIp = `10.25.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

function cardFor(page: Page, name: string): Locator {
  return page.getByTestId("room-card").filter({ has: page.getByRole("link", { name, exact: true }) });
}

test("a visitor sees seeded rooms on the home page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/Roomful/);
  const cards = page.getByTestId("room-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThanOrEqual(12);

  // Rooms made by specs running beside this one may fill the first page: find the seeded one.
  await page.goto("/?q=python%20basics");
  const python = cards.filter({ has: page.getByRole("link", { name: "Python basics", exact: true }) });
  await expect(python).toContainText("Python");
  await expect(python).toContainText("@alice");
  await expect(python).toContainText(/ago/);
});

test("the header search submits to the home page and narrows the rooms", async ({ page }) => {
  await page.goto("/");
  await headerSearchReady(page);
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await search.fill("calculus");
  await search.press("Enter");

  await expect(page).toHaveURL(/\/\?q=calculus$/);
  const cards = page.getByTestId("room-card");
  await expect(cards.getByRole("link", { name: "Calculus study group" })).toBeVisible();
  await expect(cards.getByRole("link", { name: "Python basics", exact: true })).toHaveCount(0);
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

test.describe("unread badges and online counts", () => {
  test("a participant sees what others wrote as badges on the cards and a total in the header", async ({
    page,
    browser,
  }) => {
    // Three members, two browsers and a dozen page loads: more than the default budget on a busy machine.
    test.setTimeout(90_000);
    const [reader, poster] = [await createMember({ prefix: "ur" }), await createMember({ prefix: "up" })];
    const tag = randomBytes(3).toString("hex");
    const quiet = await createRoom({ hostId: reader.id, name: `Unread quiet ${tag}` });
    const busy = await createRoom({ hostId: reader.id, name: `Unread busy ${tag}` });

    // Someone else posts three messages through the API, and is in the room now (as soketi's
    // presence webhook would have recorded).
    const posterContext = await browser.newContext();
    const posterPage = await posterContext.newPage();
    await signInViaApi(posterPage, poster.email, poster.password ?? "");
    for (const body of ["one", "two", "three"]) {
      const sent = await posterContext.request.post(`/api/rooms/${quiet.slug}/messages`, {
        data: { body, clientKey: randomUUID() },
      });
      expect(sent.status()).toBe(201);
    }
    await sql(`INSERT INTO "RoomPresence" ("roomId", "userId", online, "eventAt") VALUES ($1, $2, true, now())`, [
      quiet.id,
      poster.id,
    ]);

    await signInViaApi(page, reader.email, reader.password ?? "");
    await page.goto(`/?q=${tag}`);
    const quietCard = cardFor(page, quiet.name);
    const busyCard = cardFor(page, busy.name);
    await expect(quietCard.getByTestId("room-unread")).toHaveText("3 new messages");
    await expect(quietCard.getByTestId("room-online")).toHaveText("1 online");
    await expect(busyCard.getByTestId("room-unread")).toHaveCount(0);
    await expect(busyCard.getByTestId("room-online")).toHaveCount(0);
    const header = page.getByTestId("header-unread");
    await expect(header).toHaveAccessibleName("3 unread messages");
    await expect(header).toHaveText("3");

    // Past 99 the badges say "99+" (the server stops counting a room at 100).
    await sql(
      `INSERT INTO "Message" ("roomId", "authorId", body) SELECT $1, $2, 'filler ' || i FROM generate_series(1, 120) AS i`,
      [busy.id, poster.id],
    );
    await page.reload();
    await expect(busyCard.getByTestId("room-unread")).toHaveText("99+ new messages");
    await expect(header).toHaveAccessibleName("99+ unread messages");
    await expect(header).toHaveText("99+");

    // Reading both rooms (as opening them does) and moving on inside the app, without a reload:
    // the cards lose their badges and the header follows.
    for (const room of [quiet, busy]) {
      expect((await page.context().request.post(`/api/rooms/${room.slug}/read`, { data: {} })).status()).toBe(200);
    }
    await page
      .getByRole("navigation", { name: "Topics" })
      .getByRole("link", { name: /^Python \d+ rooms?$/ })
      .click();
    await expect(page).toHaveURL(/topic=python/);
    await expect(header).toHaveAccessibleName("No unread messages");
    await expect(header).toHaveText("");
    await page.goto(`/?q=${tag}`);
    await expect(quietCard.getByTestId("room-unread")).toHaveCount(0);
    await expect(busyCard.getByTestId("room-unread")).toHaveCount(0);

    // A visitor sees who is online, and no unread badges or total.
    const visitor = await browser.newPage();
    await visitor.goto(`/?q=${tag}`);
    await expect(cardFor(visitor, quiet.name).getByTestId("room-online")).toHaveText("1 online");
    await expect(visitor.getByTestId("room-unread")).toHaveCount(0);
    await expect(visitor.getByTestId("header-unread")).toHaveCount(0);
    await visitor.close();
    await posterContext.close();
  });

  test("the poster's own messages are not unread for them", async ({ page }) => {
    const member = await createMember({ prefix: "uo" });
    const room = await createRoom({ hostId: member.id, name: `Own words ${randomBytes(3).toString("hex")}` });
    await signInViaApi(page, member.email, member.password ?? "");
    const sent = await page.context().request.post(`/api/rooms/${room.slug}/messages`, {
      data: { body: "talking to myself", clientKey: randomUUID() },
    });
    expect(sent.status()).toBe(201);
    await page.goto(`/?q=${encodeURIComponent(room.name)}`);
    await expect(cardFor(page, room.name)).toBeVisible();
    await expect(cardFor(page, room.name).getByTestId("room-unread")).toHaveCount(0);
    await expect(page.getByTestId("header-unread")).toHaveAccessibleName("No unread messages");
  });
});
