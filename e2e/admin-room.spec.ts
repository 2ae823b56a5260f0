// Moderation in the room itself, with a moderator and a member in two browser contexts: the
// moderator deletes a member's message and the member sees it vanish live; muting and banning
// from a message's Moderate button change the member's composer at once (why, and until when in
// their own time zone) while the API refuses their posts; locking and unlocking a room from
// /admin switch every open room page live; and the audit log shows each of these. Every test
// uses fresh members and a fresh room.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { liveMessageCount, postThroughApi, restrictionUntil, sideOf, untilIn } from "./support/admin-room";
import { createWithRole } from "./support/admin";
import { composerInput, messageWith, openRoom, sendMessage } from "./support/chat";
import { createMember, createRoom } from "./support/members";
import { onlineMembers } from "./support/presence";
import { sql } from "./support/services";

// Two or three browser contexts per test on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** Live delivery to another context: generous, as another spec may be restarting soketi meanwhile. */
const LIVE = { timeout: 20_000 };
const token = () => randomBytes(3).toString("hex");
const base = (baseURL: string | undefined) => baseURL ?? "http://127.0.0.1:3100";

const restricted = (page: Page) => page.getByTestId("composer-restricted");

/** Opens the Moderate dialog from the member's message (keyboard: focus the button, Enter). */
async function openModerate(page: Page, text: string, username: string) {
  const message = messageWith(page, text);
  await message.hover();
  const button = message.getByRole("button", { name: `Moderate @${username}` });
  await button.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Moderate / });
  await expect(dialog).toBeVisible();
  return dialog;
}

test("a moderator deletes a member's message: it vanishes live for the member, and the audit log shows it", async ({
  browser,
  baseURL,
}) => {
  const moderator = await createWithRole("MODERATOR", "rmod");
  const member = await createMember({ prefix: "rmem" });
  const otherModerator = await createWithRole("MODERATOR", "rmo2");
  const host = await createMember({ prefix: "rhost" });
  const spam = `Buy cheap watches ${token()}`;
  const staffWords = `A word from staff ${token()}`;
  const room = await createRoom({
    hostId: host.id,
    name: `Moderated ${token()}`,
    messages: [
      { authorId: otherModerator.id, body: staffWords },
      { authorId: member.id, body: spam },
    ],
  });
  const mod = await sideOf(browser, base(baseURL), moderator);
  const mem = await sideOf(browser, base(baseURL), member);
  try {
    await Promise.all([openRoom(mod.page, room), openRoom(mem.page, room)]);

    // The moderator (not the host) has Delete and Moderate on the member's message; another
    // moderator's message gets neither (only admins act on staff); the member has neither on others' messages.
    const forModerator = messageWith(mod.page, spam);
    await forModerator.hover();
    await expect(forModerator.getByRole("button", { name: "Delete message" })).toBeVisible();
    await expect(forModerator.getByRole("button", { name: `Moderate @${member.username}` })).toBeVisible();
    const staffMessage = messageWith(mod.page, staffWords);
    await staffMessage.hover();
    await expect(staffMessage.getByRole("button", { name: /^Moderate|^Delete/ })).toHaveCount(0);
    const staffForMember = messageWith(mem.page, staffWords);
    await staffForMember.hover();
    await expect(staffForMember.getByRole("button", { name: /^Moderate|^Delete/ })).toHaveCount(0);

    // Keyboard: Moderate, then Tab past Report to Delete, Enter opens the confirmation.
    await forModerator.getByRole("button", { name: `Moderate @${member.username}` }).focus();
    await mod.page.keyboard.press("Tab");
    await expect(forModerator.getByRole("button", { name: "Report message" })).toBeFocused();
    await mod.page.keyboard.press("Tab");
    await expect(forModerator.getByRole("button", { name: "Delete message" })).toBeFocused();
    await mod.page.keyboard.press("Enter");
    const dialog = mod.page.getByRole("alertdialog", { name: "Delete this message?" });
    await dialog.getByRole("button", { name: "Delete message" }).click();
    await expect(dialog).toBeHidden();
    await expect(mod.page.getByTestId("toast").filter({ hasText: "Message deleted." })).toBeVisible();
    await expect(messageWith(mod.page, spam)).toHaveCount(0);

    // The member, watching, sees it go without reloading.
    await expect(messageWith(mem.page, spam)).toHaveCount(0, LIVE);
    await expect(messageWith(mem.page, staffWords)).toHaveCount(1);
    const [stored] = await sql<{ deleted: boolean }>(
      `SELECT "deletedAt" IS NOT NULL AS deleted FROM "Message" WHERE "roomId" = $1 AND "authorId" = $2`,
      [room.id, member.id],
    );
    expect(stored?.deleted).toBe(true);

    await mod.page.goto(`/admin/audit?q=${moderator.username}`);
    const entry = mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="message.delete"]'));
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(`@${moderator.username}`);
    await expect(entry).toContainText(spam);
    await expect(entry).toContainText(`by @${member.username} in`);
  } finally {
    await mod.context.close();
    await mem.context.close();
  }
});

test("a moderator mutes a member from the room: the member's composer says why and until when, live; the API refuses; unmute restores", async ({
  browser,
  baseURL,
}) => {
  const moderator = await createWithRole("MODERATOR", "mmod");
  const member = await createMember({ prefix: "mute" });
  const said = `Something rude ${token()}`;
  const room = await createRoom({
    hostId: moderator.id,
    name: `Muting ${token()}`,
    messages: [{ authorId: member.id, body: said }],
  });
  // The member's browser is five and a half hours off UTC: the notice names their own clock.
  const timeZone = "Asia/Kolkata";
  const mod = await sideOf(browser, base(baseURL), moderator);
  const mem = await sideOf(browser, base(baseURL), member, { timezoneId: timeZone });
  try {
    await Promise.all([openRoom(mod.page, room), openRoom(mem.page, room)]);
    await expect(composerInput(mem.page)).toBeVisible();
    // A member has no Moderate, not even on their own message.
    await expect(messageWith(mem.page, said).getByRole("button", { name: /^Moderate/ })).toHaveCount(0);

    const dialog = await openModerate(mod.page, said, member.username);
    await expect(dialog.getByRole("heading")).toHaveText(`Moderate ${member.name}`);
    await expect(dialog.getByRole("textbox", { name: /Reason/ })).toBeFocused();
    await expect(dialog.getByTestId("no-restrictions")).toHaveText("Not muted or banned in this room.");
    await dialog.getByRole("radio", { name: "15 minutes" }).check();
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Cool down, please");
    await dialog.getByRole("button", { name: "Mute" }).click();
    await expect(dialog).toBeHidden();
    await expect(mod.page.getByTestId("toast").filter({ hasText: `@${member.username} is muted in` })).toBeVisible();

    const until = await restrictionUntil(room.id, member.id, "MUTE");
    expect(until).not.toBeNull();
    const minutes = ((until?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);

    // The member's composer turns into the notice at once, in their own time zone.
    const notice = restricted(mem.page);
    await expect(notice).toHaveAttribute("data-kind", "muted", LIVE);
    await expect(notice).toHaveText(
      new RegExp(
        `^You are muted in this room until ${untilIn(until ?? new Date(), timeZone)} \\S+: Cool down, please$`,
      ),
    );
    await expect(notice).not.toContainText("UTC");
    await expect(composerInput(mem.page)).toHaveCount(0);
    // Editing is posting too.
    await messageWith(mem.page, said).hover();
    await expect(messageWith(mem.page, said).getByRole("button", { name: "Edit message" })).toHaveCount(0);

    // A script posting for them is refused with the reason.
    const response = await postThroughApi(mem.page, room.slug, "let me in");
    expect(response.status()).toBe(403);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("forbidden:muted");
    expect(body.error.message).toMatch(/^You are muted in this room until .+: Cool down, please$/);
    expect(await liveMessageCount(room.id)).toBe(1);

    // A reload says the same (from the server this time).
    await mem.page.reload();
    await expect(restricted(mem.page)).toHaveAttribute("data-kind", "muted");
    await expect(restricted(mem.page)).toContainText(`until ${untilIn(until ?? new Date(), timeZone)}`);
    await expect(connectionBadgeConnected(mem.page)).toBeVisible({ timeout: 15_000 });

    await mod.page.goto(`/admin/audit?q=${member.username}`);
    const entry = mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="room.mute"]'));
    await expect(entry).toContainText(`@${moderator.username}`);
    await expect(entry).toContainText(`@${member.username}`);
    await expect(entry).toContainText(`in ${room.name} for 15 minutes: Cool down, please`);

    // The dialog shows the mute in force and lifts it; the member can post again, live.
    await openRoom(mod.page, room);
    const again = await openModerate(mod.page, said, member.username);
    await expect(again.getByTestId("current-mute")).toContainText("Cool down, please");
    await again.getByRole("button", { name: "Unmute" }).click();
    await expect(again).toBeHidden();
    await expect(composerInput(mem.page)).toBeVisible(LIVE);
    await expect(restricted(mem.page)).toHaveCount(0);
    const back = `Sorry about that ${token()}`;
    await sendMessage(mem.page, back);
    await expect(messageWith(mod.page, back)).toHaveCount(1, LIVE);
  } finally {
    await mod.context.close();
    await mem.context.close();
  }
});

const connectionBadgeConnected = (page: Page) =>
  page.locator('[data-testid="connection-badge"][data-status="connected"]');

test("a ban from the room: the member is told at once, leaves presence, the API refuses, lifting it restores", async ({
  browser,
  baseURL,
}) => {
  const moderator = await createWithRole("ADMIN", "badm");
  const member = await createMember({ prefix: "ban" });
  const said = `Spam spam spam ${token()}`;
  const room = await createRoom({
    hostId: null,
    name: `Banning ${token()}`,
    messages: [{ authorId: member.id, body: said }],
  });
  const mod = await sideOf(browser, base(baseURL), moderator);
  const mem = await sideOf(browser, base(baseURL), member);
  try {
    await Promise.all([openRoom(mod.page, room), openRoom(mem.page, room)]);
    const memberOnline = onlineMembers(mod.page).filter({ hasText: member.name });
    await expect(memberOnline).toHaveCount(1, LIVE);
    const dialog = await openModerate(mod.page, said, member.username);
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Repeated spam");
    await dialog.getByRole("button", { name: "Ban from room" }).click();
    await expect(dialog).toBeHidden();

    await expect(restricted(mem.page)).toHaveAttribute("data-kind", "banned", LIVE);
    await expect(restricted(mem.page)).toHaveText("You are banned from this room: Repeated spam");
    await expect(composerInput(mem.page)).toHaveCount(0);
    // Their open page leaves the room's presence at once (and channel auth would refuse it again).
    await expect(memberOnline).toHaveCount(0, LIVE);
    const response = await postThroughApi(mem.page, room.slug, "hello?");
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden:banned");

    const again = await openModerate(mod.page, said, member.username);
    await expect(again.getByTestId("current-ban")).toContainText("Repeated spam");
    await again.getByRole("button", { name: "Lift ban" }).click();
    await expect(composerInput(mem.page)).toBeVisible(LIVE);
    await expect(memberOnline).toHaveCount(1, LIVE);

    await mod.page.goto(`/admin/audit?q=${member.username}`);
    await expect(mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="room.ban"]'))).toContainText(
      "Repeated spam",
    );
    await expect(mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="room.unban"]'))).toHaveCount(
      1,
    );
  } finally {
    await mod.context.close();
    await mem.context.close();
  }
});

test("a send refused by a restriction the page never heard of shows the API's words instead of the composer", async ({
  browser,
  baseURL,
}) => {
  const member = await createMember({ prefix: "quiet" });
  const room = await createRoom({ hostId: null, name: `Silent mute ${token()}` });
  const mem = await sideOf(browser, base(baseURL), member);
  try {
    await openRoom(mem.page, room);
    // Muted behind the page's back (no live event).
    await sql(
      `INSERT INTO "RoomRestriction" (id, "roomId", "userId", kind, until, reason) VALUES ($1, $2, $3, 'MUTE', now() + interval '2 hours', 'Quiet time')`,
      [`e2e${token()}${token()}`, room.id, member.id],
    );
    await sendMessage(mem.page, "Can anyone hear me?");
    const notice = restricted(mem.page);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/^You are muted in this room until .+: Quiet time$/);
    await expect(composerInput(mem.page)).toHaveCount(0);
    await expect(mem.page.getByTestId("pending-message")).toContainText("Not sent.");
    expect(await liveMessageCount(room.id)).toBe(0);
  } finally {
    await mem.context.close();
  }
});

test("a locked room refuses posts and open room pages switch live; unlocking restores", async ({
  browser,
  baseURL,
}, testInfo) => {
  const moderator = await createWithRole("MODERATOR", "lmod");
  const member = await createMember({ prefix: "lmem" });
  const room = await createRoom({ hostId: member.id, name: `Lockable ${token()}` });
  const mod = await sideOf(browser, base(baseURL), moderator);
  const mem = await sideOf(browser, base(baseURL), member);
  const visitor = await browser.newContext({ baseURL: base(baseURL) });
  try {
    await openRoom(mem.page, room);
    await expect(mem.page.getByTestId("room-locked-chip")).toHaveCount(0);
    await expect(composerInput(mem.page)).toBeVisible();

    await mod.page.goto(`/admin/rooms/${room.id}`);
    await mod.page.getByTestId("lock-form").getByLabel("Reason (optional)").fill("Thread got heated");
    await mod.page.getByTestId("lock-form").getByRole("button", { name: "Lock room" }).click();
    await expect(mod.page.getByTestId("unlock-form")).toBeVisible();

    // The member's open page: the chip and the notice, no text box.
    await expect(mem.page.getByTestId("room-locked-chip")).toBeVisible(LIVE);
    await expect(restricted(mem.page)).toHaveAttribute("data-kind", "locked");
    await expect(restricted(mem.page)).toHaveText("This room is locked: nobody can post.");
    await expect(composerInput(mem.page)).toHaveCount(0);
    await mem.page.screenshot({ path: testInfo.outputPath("locked-room-desktop.png") });

    const response = await postThroughApi(mem.page, room.slug, "hello?");
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: "forbidden:room_locked", message: "This room is locked: nobody can post." },
    });
    expect(await liveMessageCount(room.id)).toBe(0);

    // A visitor opening it now is told too (instead of "Sign in to join the conversation").
    const page = await visitor.newPage();
    await openRoom(page, room, { live: false });
    await expect(page.getByTestId("room-locked-chip")).toBeVisible();
    await expect(restricted(page)).toHaveText("This room is locked: nobody can post.");
    await expect(page.getByTestId("composer-signed-out")).toHaveCount(0);

    await mod.page.getByTestId("unlock-form").getByRole("button", { name: "Unlock" }).click();
    await expect(mod.page.getByTestId("lock-form")).toBeVisible();
    await expect(mem.page.getByTestId("room-locked-chip")).toHaveCount(0, LIVE);
    await expect(composerInput(mem.page)).toBeVisible();
    const text = `Open again ${token()}`;
    await sendMessage(mem.page, text);
    await expect(mem.page.getByTestId("pending-message")).toHaveCount(0);
    await expect(messageWith(mem.page, text)).toHaveCount(1);
    expect(await liveMessageCount(room.id)).toBe(1);

    await mod.page.goto(`/admin/audit?q=${encodeURIComponent(room.name)}`);
    await expect(mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="room.lock"]'))).toContainText(
      "Thread got heated",
    );
    await expect(
      mod.page.getByTestId("audit-entry").and(mod.page.locator('[data-action="room.unlock"]')),
    ).toContainText(`@${moderator.username}`);
  } finally {
    await mod.context.close();
    await mem.context.close();
    await visitor.close();
  }
});

test("at 390 px: the People button counts who is online, and a muted member's notice fits", async ({
  browser,
  baseURL,
}, testInfo) => {
  const moderator = await createWithRole("MODERATOR", "pmod");
  const member = await createMember({ prefix: "pmem" });
  const said = `Posted from a phone ${token()}`;
  const room = await createRoom({
    hostId: moderator.id,
    name: `Phone moderation ${token()}`,
    messages: [{ authorId: member.id, body: said }],
  });
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true };
  const mod = await sideOf(browser, base(baseURL), moderator, phone);
  const mem = await sideOf(browser, base(baseURL), member, phone);
  try {
    await openRoom(mem.page, room);
    const people = mem.page.getByTestId("people-open");
    await expect(people).toHaveAccessibleName("People, 1 online");
    await openRoom(mod.page, room);
    await expect(people).toHaveAccessibleName("People, 2 online", LIVE);
    await expect(mod.page.getByTestId("people-open")).toHaveAccessibleName("People, 2 online");
    await mod.page.screenshot({ path: testInfo.outputPath("moderator-390.png") });

    // The moderator's tools on a phone: the message's tools come up on tap.
    await messageWith(mod.page, said).getByTestId("message-body").tap();
    await messageWith(mod.page, said)
      .getByRole("button", { name: `Moderate @${member.username}` })
      .tap();
    const dialog = mod.page.getByRole("dialog", { name: /^Moderate / });
    await expect(dialog).toBeInViewport();
    await expect(dialog.getByTestId("no-restrictions")).toBeVisible();
    await mod.page.screenshot({ path: testInfo.outputPath("moderate-dialog-390.png") });
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Off topic, take a break");
    await dialog.getByRole("button", { name: "Mute" }).tap();
    await expect(dialog).toBeHidden();

    await expect(restricted(mem.page)).toHaveAttribute("data-kind", "muted", LIVE);
    await expect(restricted(mem.page)).toBeInViewport();
    const overflow = await mem.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await mem.page.screenshot({ path: testInfo.outputPath("muted-member-390.png") });

    // The moderator leaves: the member's count follows.
    await mod.context.close();
    await expect(people).toHaveAccessibleName("People, 1 online", LIVE);
  } finally {
    await mod.context.close().catch(() => undefined);
    await mem.context.close();
  }
});

test("desktop screenshots: the room as a moderator, and as a muted member", async ({ browser, baseURL }, testInfo) => {
  const moderator = await createWithRole("MODERATOR", "smod");
  const member = await createMember({ prefix: "smem" });
  const room = await createRoom({
    hostId: moderator.id,
    name: `Screenshots ${token()}`,
    messages: [
      { authorId: moderator.id, body: "Welcome! Keep it friendly, please." },
      { authorId: member.id, body: "Check out my **totally legit** offer at https://example.com" },
      { authorId: member.id, body: "Anyone? Anyone?" },
    ],
  });
  const mod = await sideOf(browser, base(baseURL), moderator, { viewport: { width: 1280, height: 800 } });
  const mem = await sideOf(browser, base(baseURL), member, { viewport: { width: 1280, height: 800 } });
  try {
    await Promise.all([openRoom(mod.page, room), openRoom(mem.page, room)]);
    await messageWith(mod.page, "Anyone? Anyone?").hover();
    await mod.page.screenshot({ path: testInfo.outputPath("moderator-desktop.png") });
    const dialog = await openModerate(mod.page, "Anyone? Anyone?", member.username);
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Advertising");
    await expect(dialog.getByTestId("no-restrictions")).toBeVisible();
    await mod.page.screenshot({ path: testInfo.outputPath("moderate-dialog-desktop.png") });
    await dialog.getByRole("button", { name: "Mute" }).click();
    await expect(restricted(mem.page)).toHaveAttribute("data-kind", "muted", LIVE);
    await mem.page.screenshot({ path: testInfo.outputPath("muted-member-desktop.png") });
  } finally {
    await mod.context.close();
    await mem.context.close();
  }
});
