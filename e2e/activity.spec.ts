// Recent activity (the home page's panel and /activity) and My activity, where a member deletes
// their own messages and rooms after confirming.
import { randomBytes } from "node:crypto";
import { expect, test } from "./support/test";
import { signInViaApi } from "./support/accounts";
import { createMember, createRoom, userIdOf } from "./support/members";
import { sql } from "./support/services";

const unique = () => randomBytes(3).toString("hex");

test("the home page's recent activity panel shows the latest messages and follows the topic filter", async ({
  page,
}) => {
  const alice = await userIdOf("alice");
  const text = `Fresh news from the activity spec ${unique()}`;
  const room = await createRoom({
    hostId: alice,
    name: `Activity panel ${unique()}`,
    messages: [{ authorId: alice, body: text }],
  });

  await page.goto("/");
  const panel = page.getByTestId("recent-activity");
  await expect(panel.getByRole("heading", { name: "Recent activity" })).toBeVisible();
  const entry = panel.getByTestId("activity-item").filter({ hasText: text });
  await expect(entry).toContainText("@alice");
  await expect(entry).toContainText(/minute ago|just now/);
  expect(await panel.getByTestId("activity-item").count()).toBeLessThanOrEqual(8);
  await expect(entry.getByRole("link", { name: room.name })).toHaveAttribute(
    "href",
    new RegExp(`^/rooms/${room.slug}#message-\\d+$`),
  );

  // With the Calculus filter the panel shows only Calculus rooms (a Python room's news is gone).
  await page.goto("/?topic=calculus");
  const items = panel.getByTestId("activity-item");
  await expect(items.filter({ hasText: "Problem set is pinned in the description soon." })).toContainText(
    "@bob in Calculus study group",
  );
  await expect(items.filter({ hasText: text })).toHaveCount(0);
  for (const name of await items.getByRole("link", { name: /./ }).filter({ hasNotText: /^@/ }).allInnerTexts()) {
    expect(["Calculus study group", "Limits and continuity"]).toContain(name);
  }

  await panel.getByRole("link", { name: "See all recent activity" }).click();
  await expect(page).toHaveURL(/\/activity\?topic=calculus$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Recent activity in Calculus");
  await expect(page.getByRole("link", { name: "Calculus", exact: true })).toHaveAttribute("aria-current", "page");
});

test("/activity lists every room's messages, leaves deleted ones out and names deleted authors", async ({ page }) => {
  const alice = await userIdOf("alice");
  const kept = `Still here ${unique()}`;
  const gone = `Taken back ${unique()}`;
  const anonymous = `Written by a departed member ${unique()}`;
  const room = await createRoom({
    hostId: alice,
    name: `Activity feed ${unique()}`,
    messages: [
      { authorId: null, body: anonymous },
      { authorId: alice, body: gone },
      { authorId: alice, body: kept },
    ],
  });
  await sql(`UPDATE "Message" SET "deletedAt" = now(), body = '' WHERE "roomId" = $1 AND body = $2`, [room.id, gone]);

  await page.goto("/activity");
  const feed = page.getByTestId("activity-feed");
  await expect(feed.getByTestId("activity-item").filter({ hasText: kept })).toContainText(`@alice in ${room.name}`);
  await expect(feed.getByTestId("activity-item").filter({ hasText: anonymous })).toContainText(
    `Anonymous User in ${room.name}`,
  );
  await expect(feed.getByText(gone)).toHaveCount(0);
  // Newest first: the kept message (written last) comes before the anonymous one.
  const texts = await feed.getByTestId("activity-excerpt").allInnerTexts();
  expect(texts.indexOf(kept)).toBeLessThan(texts.indexOf(anonymous));

  // Pages are real URLs.
  const older = page.getByRole("link", { name: "Older messages" });
  if (await older.isVisible()) {
    await older.click();
    await expect(page).toHaveURL(/\/activity\?before=\d+-\d+$/);
    await expect(page.getByRole("link", { name: "Newer messages" })).toBeVisible();
  }
  await page.goto("/activity");
  await page.getByRole("link", { name: "My activity" }).click();
  // Visitors are sent to sign in, and come back afterwards.
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Factivity%2Fmine$/);
});

test("a member deletes their own message and room from My activity, after confirming", async ({
  page,
  browser,
  baseURL,
}) => {
  const member = await createMember({ prefix: "act" });
  const alice = await userIdOf("alice");
  const body = `Something I regret saying ${unique()}`;
  const theirRoom = await createRoom({
    hostId: alice,
    name: `Alice hosts ${unique()}`,
    messages: [{ authorId: member.id, body }],
  });
  const ownRoom = await createRoom({ hostId: member.id, name: `My short-lived room ${unique()}` });

  await signInViaApi(page, member.email, member.password ?? "");
  await page.goto("/activity/mine");
  await expect(page.getByRole("heading", { level: 1, name: "My activity" })).toBeVisible();
  const myMessage = page.getByTestId("my-message").filter({ hasText: body });
  const myRoom = page.getByTestId("my-room").filter({ hasText: ownRoom.name });
  await expect(myMessage).toBeVisible();
  await expect(myRoom).toBeVisible();

  // Cancel keeps it.
  await myMessage.getByRole("button", { name: `Delete message in ${theirRoom.name}` }).click();
  const messageDialog = page.getByRole("alertdialog", { name: "Delete this message?" });
  await expect(messageDialog).toBeVisible();
  await expect(messageDialog).toContainText(body);
  await expect(messageDialog.getByRole("button", { name: "Keep message" })).toBeFocused();
  await messageDialog.getByRole("button", { name: "Keep message" }).click();
  await expect(messageDialog).toBeHidden();
  await expect(myMessage).toBeVisible();
  const [before] = await sql<{ body: string; deletedAt: Date | null }>(
    `SELECT body, "deletedAt" FROM "Message" WHERE "roomId" = $1`,
    [theirRoom.id],
  );
  expect(before).toEqual({ body, deletedAt: null });

  // Confirm deletes it.
  await myMessage.getByRole("button", { name: `Delete message in ${theirRoom.name}` }).click();
  await messageDialog.getByRole("button", { name: "Delete message" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Message deleted." })).toBeVisible();
  await expect(myMessage).toHaveCount(0);
  await expect(messageDialog).toBeHidden();
  const [after] = await sql<{ body: string; deletedAt: Date | null }>(
    `SELECT body, "deletedAt" FROM "Message" WHERE "roomId" = $1`,
    [theirRoom.id],
  );
  expect(after?.body).toBe("");
  expect(after?.deletedAt).not.toBeNull();

  // Delete the room.
  await myRoom.getByRole("button", { name: `Delete room ${ownRoom.name}` }).click();
  const roomDialog = page.getByRole("alertdialog", { name: `Delete “${ownRoom.name}”?` });
  await roomDialog.getByRole("button", { name: "Delete room" }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${ownRoom.name}” was deleted.` })).toBeVisible();
  await expect(myRoom).toHaveCount(0);
  await expect(page.getByTestId("my-rooms-empty")).toBeVisible();

  // Still gone after a reload, and for everyone else.
  await page.reload();
  await expect(page.getByText(body)).toHaveCount(0);
  await expect(page.getByText(ownRoom.name)).toHaveCount(0);
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  try {
    await visitor.goto(`/rooms/${theirRoom.slug}`);
    await expect(visitor.getByRole("heading", { level: 1, name: theirRoom.name })).toBeVisible();
    await expect(visitor.getByText(body)).toHaveCount(0);
    await visitor.goto("/activity");
    await expect(visitor.getByTestId("activity-feed")).toBeVisible();
    await expect(visitor.getByText(body)).toHaveCount(0);
    const response = await visitor.goto(`/rooms/${ownRoom.slug}`);
    expect(response?.status()).toBe(404);
  } finally {
    await visitorContext.close();
  }
});
