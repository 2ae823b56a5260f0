// The moderator area in a real browser: every admin page is the 404 page for visitors and
// members and opens for moderators and admins; creating a room with the live address preview
// (and a taken address as a field error); locking a room; deactivation ending an open session;
// the audit log showing each of these; and the message list offering Delete only where the caller may act. A locked
// room refusing posts (UI and API, live in open rooms) is in e2e/admin-room.spec.ts.
import { expect, test, type Page } from "./support/test";
import { signInViaApi } from "./support/accounts";
import { adminPageUrls, createWithRole, signedIn } from "./support/admin";
import { createMember, createRoom } from "./support/members";
import { sql } from "./support/services";

async function expectNotFoundPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
  await expect(page.getByRole("heading", { name: "This room is empty" })).toBeVisible();
  await expect(page.getByTestId("admin-area")).toHaveCount(0);
}

async function expectAdminPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  await expect(page.getByTestId("admin-area")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

test("every admin page is the 404 page for visitors and members, and opens for moderators and admins", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const pages = await adminPageUrls();
  for (const { url } of pages) await expectNotFoundPage(page, url);

  const member = await signedIn(browser, await createMember({ prefix: "plain" }));
  for (const { url } of pages) await expectNotFoundPage(member, url);

  const moderator = await signedIn(browser, await createWithRole("MODERATOR"));
  for (const { url } of pages) await expectAdminPage(moderator, url);
  await expect(moderator.getByTestId("admin-role")).toHaveText("Moderator");

  const admin = await signedIn(browser, await createWithRole("ADMIN"));
  for (const { url } of pages) await expectAdminPage(admin, url);
  // Unknown ids inside the area are a 404 too.
  expect((await admin.goto("/admin/rooms/doesnotexist1"))?.status()).toBe(404);
  expect((await admin.goto("/admin/members/no_such_member"))?.status()).toBe(404);
});

test("a moderator creates a room: the address follows the name, says when it collides, and a taken one is a field error", async ({
  browser,
}) => {
  const moderator = await createWithRole("MODERATOR");
  const page = await signedIn(browser, moderator);
  await page.goto("/admin/rooms/new");
  const form = page.getByTestId("admin-room-form");
  const name = form.getByLabel("Name");
  const address = form.getByLabel("Address");

  await name.fill("Knitting Circle");
  await expect(address).toHaveValue(/^knitting-circle(-\d+)?$/);
  await expect(page.getByTestId("slug-preview")).toContainText("/rooms/knitting-circle");

  // The seed's "Python basics" owns python-basics: the preview moves on to a free address.
  await name.fill("Python Basics");
  await expect(page.getByTestId("slug-status")).toContainText("is taken by “Python basics”");
  await expect(address).toHaveValue(/^python-basics-\d+$/);

  // Typed by hand, a taken address is refused on submit as a field error; the form keeps its values.
  await address.fill("python-basics");
  await expect(page.getByTestId("slug-status")).toContainText("Taken by “Python basics”.");
  await form.getByRole("combobox", { name: "Topic" }).fill("Python");
  await form.getByLabel("Description").fill("Beginners welcome");
  await form.getByRole("button", { name: "Create room" }).click();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("This address is already used by “Python basics”. Pick another one.")).toBeVisible();
  await expect(name).toHaveValue("Python Basics");
  await expect(form.getByLabel("Description")).toHaveValue("Beginners welcome");

  const unique = `knit-${Date.now().toString(36)}`;
  await address.fill(unique);
  await expect(page.getByTestId("slug-status")).toContainText("This address is free.");
  await form.getByRole("button", { name: "Create room" }).click();
  await expect(page).toHaveURL(/\/admin\/rooms\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Python Basics" })).toBeVisible();
  const [row] = await sql<{ hostId: string }>(`SELECT "hostId" FROM "Room" WHERE slug = $1`, [unique]);
  expect(row?.hostId).toBe(moderator.id);

  await page.goto(`/admin/audit?q=${encodeURIComponent(moderator.username)}`);
  await expect(
    page.getByTestId("audit-entry").filter({ hasText: "created room" }).filter({ hasText: "Python Basics" }),
  ).toBeVisible();
});

test("a moderator locks a room and the audit log shows it", async ({ browser }) => {
  const moderator = await createWithRole("MODERATOR");
  const host = await createMember({ prefix: "host" });
  const room = await createRoom({ hostId: host.id, name: "Heated debate" });
  const page = await signedIn(browser, moderator);

  await page.goto(`/admin/rooms/${room.id}`);
  const lock = page.getByTestId("lock-form");
  await lock.getByLabel("Reason (optional)").fill("Cooling off");
  await lock.getByRole("button", { name: "Lock room" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is locked: nobody can post." })).toBeVisible();
  await expect(page.getByTestId("unlock-form")).toBeVisible();
  const [row] = await sql<{ lockedById: string | null }>(`SELECT "lockedById" FROM "Room" WHERE id = $1`, [room.id]);
  expect(row?.lockedById).toBe(moderator.id);

  await page.goto("/admin/audit?q=cooling+off");
  const entry = page.getByTestId("audit-entry").filter({ hasText: room.name });
  await expect(entry).toContainText(`@${moderator.username}`);
  await expect(entry).toContainText("locked room");
  await expect(entry).toContainText("Cooling off");
});

test("deactivation ends an open session at once, and the audit log shows it", async ({ browser }) => {
  const moderator = await createWithRole("MODERATOR");
  const target = await createMember({ prefix: "deact" });
  const memberPage = await signedIn(browser, target);
  await memberPage.goto("/settings");
  await expect(memberPage.getByRole("heading", { name: "Settings" })).toBeVisible();

  const page = await signedIn(browser, moderator);
  await page.goto(`/admin/members/${target.username}`);
  await page.getByTestId("deactivate-form").getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Deactivate @${target.username}?`);
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is deactivated and signed out everywhere" })).toBeVisible();
  await expect(page.getByTestId("reactivate-form")).toBeVisible();

  // The member's open session is over on their next request.
  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
  // And they cannot sign in again.
  const fresh = await browser.newContext();
  await expect(signInViaApi(await fresh.newPage(), target.email, target.password ?? "")).rejects.toThrow(/failed/);
  await fresh.close();

  await page.goto(`/admin/audit?q=${target.username}`);
  await expect(page.getByTestId("audit-entry").filter({ hasText: "deactivated member" })).toContainText(
    `@${moderator.username}`,
  );
  // Entries are read-only: nothing on the page edits or deletes them.
  await expect(page.getByTestId("audit-list").getByRole("button")).toHaveCount(0);
});

test("the message list offers a moderator Delete only on members' messages and their own; an admin on every one", async ({
  browser,
}) => {
  const [moderator, admin, staff, member] = await Promise.all([
    createWithRole("MODERATOR"),
    createWithRole("ADMIN"),
    createWithRole("MODERATOR", "stf"),
    createMember({ prefix: "plain" }),
  ]);
  const room = await createRoom({
    hostId: member.id,
    name: "Staff and members",
    messages: [
      { authorId: staff.id, body: "A note from staff" },
      { authorId: member.id, body: "A note from a member" },
      { authorId: moderator.id, body: "A note of my own" },
    ],
  });
  const row = (page: Page, text: string) => page.getByTestId("admin-message").filter({ hasText: text });
  const deleteButton = (page: Page, text: string) => row(page, text).getByRole("button", { name: /delete/i });

  const page = await signedIn(browser, moderator);
  await page.goto(`/admin/messages?room=${room.slug}`);
  await expect(row(page, "A note from staff").getByTestId("admin-message-staff")).toHaveText(
    "A staff member’s: only admins delete it.",
  );
  await expect(deleteButton(page, "A note from staff")).toHaveCount(0);
  await expect(deleteButton(page, "A note from a member")).toBeVisible();
  await expect(deleteButton(page, "A note of my own")).toBeVisible();
  // "Delete all their messages" likewise: not for a staff member.
  await page.goto(`/admin/messages?member=${staff.username}`);
  await expect(row(page, "A note from staff")).toBeVisible();
  await expect(page.getByRole("button", { name: /delete all/i })).toHaveCount(0);
  await page.goto(`/admin/messages?member=${member.username}`);
  await expect(page.getByRole("button", { name: /delete all/i })).toBeVisible();

  const adminPage = await signedIn(browser, admin);
  await adminPage.goto(`/admin/messages?room=${room.slug}`);
  await expect(deleteButton(adminPage, "A note from staff")).toBeVisible();
  await expect(row(adminPage, "A note from staff").getByTestId("admin-message-staff")).toHaveCount(0);
});
