// Opening and running rooms: /rooms/new (verified members only, topic suggestions, a new topic or
// an existing one in any case), finding a new room by each searched field, slug collisions, edit
// by the host or a moderator (the slug stays), the 403 page for everyone else, delete behind a
// confirmation dialog, and joining and leaving.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { SEED_PASSWORD, signInViaApi } from "./support/accounts";
import { createMember, createRoom, type Member } from "./support/members";
import { sql } from "./support/services";

const token = () => randomBytes(4).toString("hex");

async function signIn(page: Page, member: Member) {
  await signInViaApi(page, member.username, member.password ?? "");
}

interface NewRoom {
  name: string;
  topic: string;
  description?: string;
}

/** Fills /rooms/new and submits; returns the new room's slug. */
async function openRoom(page: Page, room: NewRoom): Promise<string> {
  await page.goto("/rooms/new");
  const form = page.getByTestId("room-form");
  await form.getByLabel("Name").fill(room.name);
  await form.getByRole("combobox", { name: "Topic" }).fill(room.topic);
  if (room.description) await form.getByLabel(/^Description/).fill(room.description);
  await form.getByRole("button", { name: "Open room" }).click();
  await expect(page).toHaveURL(/\/rooms\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1, name: room.name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** A room's card among the home page's search results, found within their region: while the page streams, React
 * can briefly hold a hidden second copy of the list. */
function searchResult(page: Page, name: string) {
  return page.getByRole("region", { name: "Search results" }).getByTestId("room-card").filter({ hasText: name });
}

function toast(page: Page, text: string) {
  return page.getByTestId("toast").filter({ hasText: text });
}

test.describe("opening a room", () => {
  test("needs sign-in, then a confirmed email", async ({ page }) => {
    await page.goto("/rooms/new");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frooms%2Fnew$/);

    const member = await createMember({ prefix: "unver" });
    await sql(`UPDATE "User" SET "emailVerifiedAt" = NULL WHERE id = $1`, [member.id]);
    await signIn(page, member);
    await page.goto("/rooms/new");
    const notice = page.getByTestId("confirm-email-first");
    await expect(notice.getByRole("heading", { name: "Confirm your email first" })).toBeVisible();
    await expect(notice).toContainText(member.email);
    await expect(page.getByTestId("room-form")).toHaveCount(0);
    await notice.getByRole("button", { name: "Send a new link" }).click();
    await expect(notice.getByText("Sent! Check your inbox.")).toBeVisible();
  });

  test("with a new topic, then found on the home page by name, description, topic and host", async ({ page }) => {
    // Five searches after the create: more than the default budget on a busy machine.
    test.setTimeout(60_000);
    const host = await createMember({ prefix: "hst" });
    await signIn(page, host);
    const id = token();
    const room = {
      name: `Knot tying ${id}`,
      topic: `Knots ${id}`,
      description: `Bowlines, hitches and splices-${id}x.`,
    };

    // The entry point in the account menu.
    await page.goto("/");
    await page.getByTestId("user-menu-button").click();
    await page.getByRole("link", { name: "New room" }).click();
    await expect(page).toHaveURL(/\/rooms\/new$/);
    const form = page.getByTestId("room-form");

    // Bad input first: field errors, values kept, focus on the first error.
    await form.getByLabel("Name").fill("ab");
    await form.getByRole("combobox", { name: "Topic" }).fill(room.topic);
    await form.getByLabel(/^Description/).fill("x".repeat(2001));
    await expect(form.getByTestId("description-count")).toContainText("2,001/2,000");
    await form.getByRole("button", { name: "Open room" }).click();
    await expect(form).toContainText("Room names have at least 3 characters.");
    await expect(form).toContainText("Descriptions have at most 2,000 characters.");
    await expect(form.getByLabel("Name")).toBeFocused();
    await expect(form.getByLabel("Name")).toHaveValue("ab");
    await expect(form.getByRole("combobox", { name: "Topic" })).toHaveValue(room.topic);

    await form.getByLabel("Name").fill(room.name);
    await form.getByLabel(/^Description/).fill(room.description);
    await expect(form.getByTestId("topic-match")).toContainText(`A new topic: ${room.topic}`);
    await form.getByRole("button", { name: "Open room" }).click();

    await expect(page).toHaveURL(new RegExp(`/rooms/knot-tying-${id}$`));
    await expect(toast(page, "Room created")).toBeVisible();
    const header = page.getByTestId("room-header");
    await expect(header.getByRole("heading", { level: 1 })).toHaveText(room.name);
    await expect(header.getByTestId("room-topic")).toHaveText(room.topic);
    await expect(header.getByTestId("room-participants")).toHaveText("1 participant");
    await expect(header.getByTestId("host-badge")).toBeVisible();

    // Each of the four searched fields finds it (host: username and display name).
    const searches = [`tying ${id}`, `splices-${id}x`, `knots ${id}`, host.username, host.name];
    for (const q of searches) {
      await page.goto(`/?${new URLSearchParams({ q }).toString()}`);
      await expect(searchResult(page, room.name), `search for “${q}”`).toBeVisible();
    }
  });

  test("topic suggestions: arrow keys and Enter pick one; a name in another case reuses the topic", async ({
    page,
  }) => {
    const host = await createMember({ prefix: "sug" });
    await signIn(page, host);
    await page.goto("/rooms/new");
    const form = page.getByTestId("room-form");
    const topic = form.getByRole("combobox", { name: "Topic" });
    const submit = form.getByRole("button", { name: "Open room" });
    const submitTop = async () => (await submit.boundingBox())?.y;
    const emptyFieldTop = await submitTop();

    await topic.fill("pyth");
    const list = page.getByRole("listbox", { name: "Existing topics" });
    await expect(list.getByRole("option", { name: "Python" })).toBeVisible();
    await expect(topic).toHaveAttribute("aria-expanded", "true");
    await topic.press("ArrowDown");
    await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
    await expect(topic).toHaveAttribute(
      "aria-activedescendant",
      (await list.getByRole("option").first().getAttribute("id")) ?? "",
    );
    const picked = (await list.getByRole("option").first().textContent()) ?? "";
    await topic.press("Enter");
    await expect(topic).toHaveValue(picked);
    await expect(list).toBeHidden();
    // Enter picked the suggestion; it did not submit the form.
    await expect(page).toHaveURL(/\/rooms\/new$/);

    await topic.fill("pYTHON");
    await expect(form.getByTestId("topic-match")).toContainText("Joins the existing topic Python");
    // The note arrives after a pause: the form must not jump under the pointer when it does.
    expect(await submitTop()).toBe(emptyFieldTop);
    await topic.press("Escape");
    await expect(list).toBeHidden();

    const name = `Snakes ${token()}`;
    await form.getByLabel("Name").fill(name);
    await form.getByRole("button", { name: "Open room" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByTestId("room-topic")).toHaveText("Python");
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "Topic" WHERE lower(name) = 'python'`);
    expect(row?.n).toBe(1);
  });

  test("GET /api/topics suggests existing topics and refuses an over-long query", async ({ request }) => {
    const ok = await request.get("/api/topics?q=PYT");
    expect(ok.status()).toBe(200);
    const { topics } = (await ok.json()) as { topics: string[] };
    expect(topics).toContain("Python");
    for (const topic of topics) expect(topic.toLowerCase()).toContain("pyt");

    const tooLong = await request.get(`/api/topics?q=${"a".repeat(41)}`);
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      error: { code: "invalid", fields: { q: "Topic searches have at most 40 characters." } },
    });
  });

  test("the name can come from ?name= (the empty search offers it)", async ({ page }) => {
    const host = await createMember({ prefix: "pre" });
    await signIn(page, host);
    await page.goto(`/rooms/new?name=${encodeURIComponent("Sourdough starters")}`);
    await expect(page.getByTestId("room-form").getByLabel("Name")).toHaveValue("Sourdough starters");
  });

  test("two rooms with the same name: the second slug gets -2", async ({ page }) => {
    const host = await createMember({ prefix: "dup" });
    await signIn(page, host);
    const name = `Twin room ${token()}`;
    const first = await openRoom(page, { name, topic: "Python" });
    const second = await openRoom(page, { name, topic: "Python" });
    expect(second).toBe(`${first}-2`);
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });
});

test.describe("editing", () => {
  test("the host renames a room: the slug stays and the new name shows", async ({ page }) => {
    const host = await createMember({ prefix: "edh" });
    await signIn(page, host);
    const id = token();
    const slug = await openRoom(page, { name: `Before ${id}`, topic: "Python", description: "Old words." });

    await page.getByTestId("room-header").getByRole("link", { name: "Edit" }).click();
    await expect(page).toHaveURL(`/rooms/${slug}/edit`);
    const form = page.getByTestId("room-form");
    await expect(form.getByLabel("Name")).toHaveValue(`Before ${id}`);
    await expect(form.getByRole("combobox", { name: "Topic" })).toHaveValue("Python");

    // An empty name is refused, everything else kept.
    await form.getByLabel("Name").fill("");
    await form.getByLabel(/^Description/).fill("New words.");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form).toContainText("Room names have at least 3 characters.");
    await expect(form.getByLabel("Name")).toBeFocused();
    await expect(form.getByLabel(/^Description/)).toHaveValue("New words.");

    await form.getByLabel("Name").fill(`After ${id}`);
    await form.getByRole("combobox", { name: "Topic" }).fill(`Renamed topic ${id}`);
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/rooms/${slug}$`));
    await expect(toast(page, "Room updated")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`After ${id}`);
    await expect(page.getByTestId("room-description")).toHaveText("New words.");
    await expect(page.getByTestId("room-topic")).toHaveText(`Renamed topic ${id}`);
  });

  test("a moderator may edit someone else's room", async ({ page }) => {
    const host = await createMember({ prefix: "mdh" });
    const room = await createRoom({ hostId: host.id, name: `Moderated ${token()}` });
    await signInViaApi(page, "mod_maya", SEED_PASSWORD);
    await page.goto(`/rooms/${room.slug}`);
    await expect(page.getByTestId("room-header").getByRole("link", { name: "Edit" })).toBeVisible();
    const response = await page.goto(`/rooms/${room.slug}/edit`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: "Edit room" })).toBeVisible();
  });

  test("another member gets the 403 page, and a stale form is refused", async ({ page, browser }) => {
    const host = await createMember({ prefix: "own" });
    const other = await createMember({ prefix: "oth" });
    const room = await createRoom({ hostId: host.id, name: `Not yours ${token()}` });

    await signIn(page, other);
    await page.goto(`/rooms/${room.slug}`);
    await expect(page.getByTestId("room-header").getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete…" })).toHaveCount(0);

    const response = await page.goto(`/rooms/${room.slug}/edit`);
    expect(response?.status()).toBe(403);
    await expect(page.getByTestId("forbidden-page")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "You don’t have access to this" })).toBeVisible();
    await expect(page.getByTestId("room-form")).toHaveCount(0);

    // Unknown rooms are the 404 page, signed in or not.
    expect((await page.goto("/rooms/no-such-room-anywhere/edit"))?.status()).toBe(404);
    expect((await page.goto("/rooms/no-such-room-anywhere"))?.status()).toBe(404);

    // The host opens the edit page, then loses the room (handed to someone else): the actions refuse.
    const hostContext = await browser.newContext();
    const hostPage = await hostContext.newPage();
    await signIn(hostPage, host);
    await hostPage.goto(`/rooms/${room.slug}/edit`);
    await sql(`UPDATE "Room" SET "hostId" = $1 WHERE id = $2`, [other.id, room.id]);
    const form = hostPage.getByTestId("room-form");
    await form.getByLabel("Name").fill("Hijacked");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toContainText("Only the room’s host and moderators can change this room.");
    await hostPage.getByRole("button", { name: "Delete…" }).click();
    await hostPage.getByRole("alertdialog").getByRole("button", { name: "Delete room" }).click();
    await expect(hostPage.getByRole("alertdialog")).toContainText(
      "Only the room’s host and moderators can change this room.",
    );
    const [row] = await sql<{ name: string }>(`SELECT name FROM "Room" WHERE id = $1`, [room.id]);
    expect(row?.name).toBe(room.name);
    await hostContext.close();
  });
});

test.describe("deleting", () => {
  test("asks first: cancel and Escape keep the room; confirming removes it and its messages", async ({ page }) => {
    const host = await createMember({ prefix: "del" });
    await signIn(page, host);
    const name = `Doomed ${token()}`;
    const slug = await openRoom(page, { name, topic: "Python" });
    const [room] = await sql<{ id: string }>(`SELECT id FROM "Room" WHERE slug = $1`, [slug]);
    await sql(`INSERT INTO "Message" ("roomId", "authorId", body) VALUES ($1, $2, 'last words')`, [room?.id, host.id]);

    const deleteButton = page.getByTestId("room-header").getByRole("button", { name: "Delete…" });
    const dialog = page.getByRole("alertdialog", { name: `Delete “${name}”?` });

    await deleteButton.click();
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("This cannot be undone.");
    // Focus starts on the harmless choice.
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(deleteButton).toBeFocused();

    await deleteButton.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    await deleteButton.click();
    await dialog.getByRole("button", { name: "Delete room" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(toast(page, "Room deleted")).toBeVisible();
    expect((await page.goto(`/rooms/${slug}`))?.status()).toBe(404);
    const [left] = await sql<{ rooms: number; messages: number }>(
      `SELECT (SELECT count(*)::int FROM "Room" WHERE id = $1) AS rooms, (SELECT count(*)::int FROM "Message" WHERE "roomId" = $1) AS messages`,
      [room?.id],
    );
    expect(left).toEqual({ rooms: 0, messages: 0 });
  });
});

test.describe("participants", () => {
  test("a member joins and leaves; the counts follow; the host cannot leave", async ({ page, browser }) => {
    const host = await createMember({ prefix: "jh" });
    const member = await createMember({ prefix: "jm" });
    const name = `Open house ${token()}`;

    const hostContext = await browser.newContext();
    const hostPage = await hostContext.newPage();
    await signIn(hostPage, host);
    const slug = await openRoom(hostPage, { name, topic: "Python" });
    await expect(hostPage.getByTestId("leave-room")).toHaveCount(0);
    await expect(hostPage.getByTestId("host-note")).toContainText("Hosts can’t leave their own room");
    await hostContext.close();

    // Visitors are offered sign-in instead.
    await page.goto(`/rooms/${slug}`);
    await expect(page.getByRole("link", { name: "Sign in to join" })).toHaveAttribute(
      "href",
      `/login?callbackUrl=${encodeURIComponent(`/rooms/${slug}`)}`,
    );

    await signIn(page, member);
    await page.goto(`/rooms/${slug}`);
    const count = page.getByTestId("room-participants");
    await expect(count).toHaveText("1 participant");

    await page.getByRole("button", { name: "Join room" }).click();
    await expect(count).toHaveText("2 participants");
    await expect(toast(page, `You joined “${name}”.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Leave room" })).toBeVisible();

    await page.goto(`/?${new URLSearchParams({ q: name }).toString()}`);
    await expect(searchResult(page, name)).toContainText("2 participants");

    await page.goto(`/rooms/${slug}`);
    await page.getByRole("button", { name: "Leave room" }).click();
    await expect(count).toHaveText("1 participant");
    await expect(page.getByRole("button", { name: "Join room" })).toBeVisible();
    await page.goto(`/?${new URLSearchParams({ q: name }).toString()}`);
    await expect(searchResult(page, name)).toContainText("1 participant");
  });
});
