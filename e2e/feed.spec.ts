// The home feed: topic filter with counts, search by each of the four fields with highlighted
// matches, sorting, keyset pagination through real URLs and the back button, and bad input.
// Other specs add rooms to the same database in parallel, so these assert on seeded topics and
// rooms (prisma/seed-data.ts) and on rooms they create, never on global totals.
import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Locator, type Page } from "./support/test";
import { seedTopics } from "../prisma/seed-data";
import { createRoom } from "./support/members";

// Room searches are limited per IP (lib/rooms/search-limit.ts); this file speaks for an address of its own.
const clientIp = `10.24.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

function cardFor(page: Page, name: string): Locator {
  return page.getByTestId("room-card").filter({ has: page.getByRole("link", { name, exact: true }) });
}

async function cardNames(page: Page): Promise<string[]> {
  return page.getByTestId("room-card").locator("h3").allInnerTexts();
}

function urlEndsWith(path: string): RegExp {
  return new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

function topicNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Topics" });
}

/** A topic link in the sidebar; its accessible name is "<topic> <n> rooms". */
function topicLink(page: Page, topic: string): Locator {
  return topicNav(page).getByRole("link", { name: new RegExp(`^${topic} \\d+ rooms?$`) });
}

async function sidebarCount(link: Locator): Promise<number> {
  return Number((await link.getByTestId("topic-count").innerText()).replace(/\D/g, ""));
}

test("the feed shows each room's card: host, time, name, participants, topic and description", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("room-count")).toHaveText(/^\d+ rooms$/);
  // Rooms made by specs running beside this one (all under Python) may fill the first page.
  await page.goto("/?topic=rust");
  const card = cardFor(page, "Rust for beginners");
  await expect(card.getByRole("link", { name: "Rust for beginners" })).toHaveAttribute("href", "/rooms/rust-beginners");
  await expect(card.getByTestId("room-host")).toHaveAttribute("href", "/u/dana");
  await expect(card.getByTestId("room-host")).toContainText("@dana");
  await expect(card.getByTestId("room-topic")).toHaveAttribute("href", "/?topic=rust");
  await expect(card.getByTestId("room-description")).toContainText("Fighting the borrow checker together.");
  await expect(card.locator("time")).toContainText(/^active .+ ago$/);
  await expect(card).toContainText(/\d+ participants?/);
});

test("the topics sidebar filters the feed, marks the current topic and counts its rooms", async ({ page }) => {
  await page.goto("/");
  await expect(topicLink(page, "All rooms")).toHaveAttribute("aria-current", "page");
  // The seeded topics; specs running beside this one may add Python rooms, never remove them.
  for (const topic of seedTopics) {
    await expect(topicLink(page, topic)).toBeVisible();
  }
  expect(await sidebarCount(topicLink(page, "Python"))).toBeGreaterThanOrEqual(2);
  const calculus = topicLink(page, "Calculus");
  const calculusCount = await sidebarCount(calculus);
  expect(calculusCount).toBeGreaterThanOrEqual(2);

  await calculus.click();
  await expect(page).toHaveURL(/\/\?topic=calculus$/);
  await expect(topicLink(page, "Calculus")).toHaveAttribute("aria-current", "page");
  await expect(topicLink(page, "All rooms")).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calculus");
  await expect(page.getByTestId("room-count")).toHaveText(`${calculusCount} rooms in Calculus`);

  const cards = page.getByTestId("room-card");
  await expect(cards).toHaveCount(calculusCount);
  await expect(cardFor(page, "Calculus study group")).toBeVisible();
  await expect(cardFor(page, "Limits and continuity")).toBeVisible();
  for (const chip of await cards.getByTestId("room-topic").allInnerTexts()) expect(chip).toContain("Calculus");

  // The topic combines with a search, and the sidebar keeps the search when switching topics.
  await page.goto("/?topic=calculus&q=epsilon");
  await expect(page.getByTestId("room-count")).toHaveText("1 room matching “epsilon” in Calculus");
  await expect(cards).toHaveCount(1);
  await expect(cardFor(page, "Limits and continuity")).toBeVisible();
  await expect(topicLink(page, "Rust")).toHaveAttribute("href", "/?q=epsilon&topic=rust");

  // A card's topic chip leads to the same filtered feed.
  await page.goto("/?q=borrow%20checker");
  await cardFor(page, "Rust for beginners").getByTestId("room-topic").click();
  await expect(page).toHaveURL(/\/\?topic=rust$/);
  await expect(cardFor(page, "Rust for beginners")).toBeVisible();
  await expect(cards).toHaveCount(await sidebarCount(topicLink(page, "Rust")));
});

test.describe("typing in the search box finds rooms by each field and highlights the match", () => {
  const cases = [
    { field: "name", q: "Calculus", room: "Calculus study group", part: "h3", marked: ["Calculus"] },
    {
      field: "description",
      q: "borrow checker",
      room: "Rust for beginners",
      part: "room-description",
      marked: ["borrow checker"],
    },
    { field: "topic", q: "machine learning", room: "ML paper club", part: "room-topic", marked: ["Machine learning"] },
    { field: "host username", q: "dana", room: "Rust for beginners", part: "room-host", marked: ["Dana", "dana"] },
    { field: "host display name", q: "Kowalski", room: "Data visualisation", part: "room-host", marked: ["Kowalski"] },
  ] as const;

  for (const c of cases) {
    test(`by ${c.field}`, async ({ page }) => {
      await page.goto("/");
      const search = page.getByRole("searchbox", { name: "Search rooms" });
      await search.click();
      // Typed key by key: the feed follows after a pause, without Enter, and the field keeps focus.
      await search.pressSequentially(c.q, { delay: 25 });
      await expect(page).toHaveURL(urlEndsWith(`/?${new URLSearchParams({ q: c.q }).toString()}`));
      await expect(search).toBeFocused();
      await expect(search).toHaveValue(c.q);
      await expect(page.getByTestId("room-count")).toContainText(`matching “${c.q}”`);

      const card = cardFor(page, c.room);
      await expect(card).toBeVisible();
      const part = c.part === "h3" ? card.locator("h3") : card.getByTestId(c.part);
      await expect(part.locator("mark")).toHaveText([...c.marked]);
      // Rooms that match nowhere are gone.
      await expect(cardFor(page, "Interview practice")).toHaveCount(0);
      // The cards stayed on screen while the search loaded (no skeleton flash).
      await expect(page.getByTestId("room-list-skeleton")).toHaveCount(0);
    });
  }
});

test("highlighting treats the search as text: regex characters and markup stay literal", async ({ page }) => {
  const tag = randomBytes(3).toString("hex");
  const room = await createRoom({ hostId: null, name: `Regex (a+b)* <i>tips</i> ${tag}` });
  await page.goto(`/?${new URLSearchParams({ q: `(a+b)* <i>tips</i> ${tag}` }).toString()}`);
  const card = cardFor(page, room.name);
  await expect(card.locator("h3 mark")).toHaveText(`(a+b)* <i>tips</i> ${tag}`);
  await expect(card.locator("h3 i")).toHaveCount(0);

  // Case-insensitive, every occurrence.
  await page.goto(`/?q=${tag.toUpperCase()}`);
  await expect(card.locator("h3 mark")).toHaveText([tag]);
});

test("sort links reorder the feed and each order is its own URL", async ({ page }) => {
  // In the seed, "Calculus study group" was opened first but has the latest message and more people.
  await page.goto("/?topic=calculus");
  const sortNav = page.getByRole("navigation", { name: "Sort rooms" });
  await expect(sortNav.getByRole("link", { name: "Most active" })).toHaveAttribute("aria-current", "true");
  const order = async () =>
    (await cardNames(page)).filter((n) => n === "Calculus study group" || n === "Limits and continuity");
  expect(await order()).toEqual(["Calculus study group", "Limits and continuity"]);

  await sortNav.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/\?topic=calculus&sort=newest$/);
  await expect(sortNav.getByRole("link", { name: "Newest" })).toHaveAttribute("aria-current", "true");
  await expect.poll(order).toEqual(["Limits and continuity", "Calculus study group"]);
  await expect(page.getByTestId("room-card").first().locator("time")).toContainText(/^opened /);

  await sortNav.getByRole("link", { name: "Most participants" }).click();
  await expect(page).toHaveURL(/\/\?topic=calculus&sort=participants$/);
  await expect.poll(order).toEqual(["Calculus study group", "Limits and continuity"]);
  const counts = (await page.getByTestId("room-card").allInnerTexts()).map((text) =>
    Number(/(\d+) participants?/.exec(text)?.[1]),
  );
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // Back walks through the sorts again.
  await page.goBack();
  await expect(page).toHaveURL(/sort=newest$/);
  await expect.poll(order).toEqual(["Limits and continuity", "Calculus study group"]);
});

test("pagination uses real URLs: next page, first page, reload and the back button", async ({ page }) => {
  // Design has two seeded rooms; one per page makes two pages and an end.
  await page.goto("/?topic=design&limit=1");
  const pages = page.getByRole("navigation", { name: "More rooms" });
  await expect(page.getByTestId("room-card")).toHaveCount(1);
  const first = await cardNames(page);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/\?topic=design&limit=1&cursor=[\w-]+$/);
  await expect(page.getByTestId("room-card")).toHaveCount(1);
  await expect.poll(() => cardNames(page)).not.toEqual(first);
  const second = await cardNames(page);
  const secondUrl = page.url();

  // The URL alone brings the same page back.
  await page.reload();
  await expect.poll(() => cardNames(page)).toEqual(second);

  await page.goBack();
  await expect(page).toHaveURL(/\/\?topic=design&limit=1$/);
  await expect.poll(() => cardNames(page)).toEqual(first);
  await page.goForward();
  await expect(page).toHaveURL(secondUrl);
  await expect.poll(() => cardNames(page)).toEqual(second);

  await pages.getByRole("link", { name: "First page" }).click();
  await expect(page).toHaveURL(/\/\?topic=design&limit=1$/);
  await expect.poll(() => cardNames(page)).toEqual(first);

  // Pages never repeat a room, whatever else is being added meanwhile.
  await page.goto("/?limit=5");
  const seen = new Set(await cardNames(page));
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByTestId("room-card")).toHaveCount(5);
  for (const name of await cardNames(page)) expect(seen.has(name)).toBe(false);
});

test("show more grows the page in place through a real URL, keeping the reader's place", async ({ page }) => {
  const more = page.getByRole("navigation", { name: "More rooms" }).getByRole("link", { name: "Show more rooms" });
  await page.goto("/?topic=design&limit=1");
  await expect(page.getByTestId("room-card")).toHaveCount(1);
  const first = await cardNames(page);
  await more.click();
  await expect(page).toHaveURL(/\/\?topic=design&limit=25$/);
  await expect(page.getByTestId("room-card")).toHaveCount(2);
  expect((await cardNames(page)).slice(0, 1)).toEqual(first);
  // Both of design's rooms are here: nothing more to show or page to.
  await expect(page.getByRole("navigation", { name: "More rooms" })).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?topic=design&limit=1$/);
  await expect(page.getByTestId("room-card")).toHaveCount(1);

  // The whole feed (14 seeded rooms and more; other specs add rooms meanwhile, so no names here):
  // the next rooms appear below without a jump back to the top.
  await page.goto("/?limit=5");
  await expect(page.getByTestId("room-card")).toHaveCount(5);
  await expect(more).toHaveAttribute("href", `/?limit=${5 + 24}`);
  await more.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await more.click();
  await expect(page).toHaveURL(/\/\?limit=29$/);
  await expect.poll(() => page.getByTestId("room-card").count()).toBeGreaterThan(5);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled / 2);
});

test("the back button restores an earlier search and the field follows it", async ({ page }) => {
  await page.goto("/?q=rust");
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await expect(search).toHaveValue("rust");
  await topicLink(page, "Calculus").click();
  await expect(page).toHaveURL(/\/\?q=rust&topic=calculus$/);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(search).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL(/\/\?q=rust&topic=calculus$/);
  await expect(search).toHaveValue("rust");
  await expect(page.getByTestId("rooms-empty")).toBeVisible();
});

test("an empty search offers to create a room with that name", async ({ page }) => {
  const q = `zz nothing ${randomBytes(3).toString("hex")}`;
  await page.goto(`/?${new URLSearchParams({ q }).toString()}`);
  await expect(page.getByTestId("room-card")).toHaveCount(0);
  await expect(page.getByTestId("room-count")).toHaveText(`0 rooms matching “${q}”`);
  const create = page.getByRole("link", { name: `Create a room named “${q}”` });
  await expect(create).toHaveAttribute("href", `/rooms/new?${new URLSearchParams({ name: q }).toString()}`);
});

test("a search over 200 characters is refused with a message, not cut", async ({ page }) => {
  const long = "a".repeat(201);
  await page.goto(`/?q=${long}`);
  await expect(page.getByTestId("search-error")).toContainText("Searches have at most 200 characters. Yours has 201.");
  await expect(page.getByTestId("room-card")).toHaveCount(0);

  // Typed (or pasted) into the field: said beside it, and the feed is left alone.
  await page.goto("/?q=rust");
  // Every URL the page goes to from here (history API changes included): none may carry it.
  const visited: string[] = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && visited.push(frame.url()));
  const search = page.getByRole("searchbox", { name: "Search rooms" });
  await search.fill(long);
  await expect(page.getByTestId("search-too-long")).toHaveText(
    "Searches have at most 200 characters; this one has 201.",
  );
  await expect(search).toHaveAttribute("aria-invalid", "true");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/\?q=rust$/);
  await search.press("Backspace");
  await expect(page.getByTestId("search-too-long")).toBeHidden();
  await expect(page).toHaveURL(urlEndsWith(`/?q=${"a".repeat(200)}`));
  await expect(page.getByTestId("room-count")).toHaveText(/^0 rooms matching/);
  expect(visited.filter((url) => url.includes(long))).toEqual([]);
});

test("an unknown topic says it does not exist and links back to all rooms", async ({ page }) => {
  await page.goto("/?topic=no-such-topic");
  const missing = page.getByTestId("topic-missing");
  await expect(missing).toContainText("This topic doesn’t exist");
  await expect(missing).toContainText("no-such-topic");
  await missing.getByRole("link", { name: "See all rooms" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("room-card").first()).toBeVisible();
});

test("/topics searches topics and leads to the filtered feed", async ({ page }) => {
  await page.goto("/topics");
  await expect(page.getByRole("heading", { level: 1, name: "Topics" })).toBeVisible();
  await expect(page.getByTestId("topic-tile").filter({ hasText: "Calculus" })).toContainText(/\d+ rooms/);
  const search = page.getByRole("searchbox", { name: "Search topics" });
  await search.pressSequentially("LEARN", { delay: 25 });
  await expect(page).toHaveURL(/\/topics\?q=LEARN$/);
  await expect(search).toBeFocused();
  const tile = page.getByTestId("topic-tile").filter({ hasText: "Machine learning" });
  await expect(tile.locator("mark")).toHaveText("learn");
  await expect(page.getByTestId("topic-tile").filter({ hasText: "Calculus" })).toHaveCount(0);
  await tile.click();
  await expect(page).toHaveURL(/\/\?topic=machine-learning$/);
  await expect(cardFor(page, "ML paper club")).toBeVisible();
});

test("/topics counts every topic and shows more of them through a real URL", async ({ page }) => {
  await page.goto("/topics?limit=1");
  await expect(page.getByTestId("topic-tile")).toHaveCount(1);
  // The count is of all topics, not of the tiles shown.
  await expect(page.getByTestId("topic-total")).toHaveText(/^([2-9]|\d{2,}|\d{1,3}(,\d{3})+) topics$/);
  const more = page.getByRole("link", { name: "Show more topics" });
  await more.click();
  await expect(page).toHaveURL(/\/topics\?limit=61$/);
  await expect.poll(() => page.getByTestId("topic-tile").count()).toBeGreaterThan(1);
  await page.goBack();
  await expect(page.getByTestId("topic-tile")).toHaveCount(1);
});

test("the feed works from the keyboard", async ({ page }) => {
  await page.goto("/");
  const calculus = topicLink(page, "Calculus");
  await calculus.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/\?topic=calculus$/);
  const newest = page.getByRole("navigation", { name: "Sort rooms" }).getByRole("link", { name: "Newest" });
  await newest.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=newest$/);
});
