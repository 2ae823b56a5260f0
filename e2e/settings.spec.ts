// Settings (/settings): profile fields with kept values and focused errors, the email change that
// counts only once confirmed, the password change that keeps this browser signed in and ends
// every other session, and account deletion that leaves messages as "Anonymous User".
import { expect, test, type Page } from "./support/test";
import { SEED_PASSWORD, signInViaApi, uniqueMember } from "./support/accounts";
import { createMember, createRoom, signInByCookie, type Member } from "./support/members";
import { linkIn, sql, waitForMail } from "./support/services";

async function openSettingsAs(page: Page, member: Member) {
  await signInViaApi(page, member.username, member.password ?? "");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

test("settings need sign-in and come back after it", async ({ page }) => {
  const member = await createMember({ prefix: "back" });
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
  await page.getByLabel("Email or username").fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password ?? "");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByTestId("profile-form").getByLabel("Username")).toHaveValue(member.username);
});

test.describe("profile", () => {
  test("a bad username is a field error with the other values kept and focus on it; then it saves", async ({
    page,
  }) => {
    const member = await createMember({ prefix: "prof" });
    await openSettingsAs(page, member);
    const form = page.getByTestId("profile-form");

    await form.getByLabel("Name", { exact: true }).fill("Renamed Person");
    await form.getByLabel("Username").fill("Not Valid!");
    await form.getByLabel("Bio").fill("Likes rooms about knots.");
    await form.getByRole("button", { name: "Save profile" }).click();

    const username = form.getByLabel("Username");
    await expect(username).toHaveAttribute("aria-invalid", "true");
    await expect(form).toContainText("Use only letters, digits and underscores.");
    await expect(username).toBeFocused();
    await expect(username).toHaveValue("Not Valid!");
    await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Renamed Person");
    await expect(form.getByLabel("Bio")).toHaveValue("Likes rooms about knots.");

    // A taken username (any case) is refused too.
    await username.fill("ALICE");
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(form).toContainText("This username is taken. Try another.");
    await expect(username).toBeFocused();

    const fresh = uniqueMember("ren").username;
    await username.fill(fresh.toUpperCase());
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByTestId("toast").filter({ hasText: "Profile saved." })).toBeVisible();
    await expect(form.getByLabel("Username")).toHaveValue(fresh);

    await page.goto(`/u/${fresh}`);
    await expect(page.getByRole("heading", { level: 1, name: "Renamed Person" })).toBeVisible();
    await expect(page.getByTestId("profile-bio")).toHaveText("Likes rooms about knots.");
    expect((await page.goto(`/u/${member.username}`))?.status()).toBe(404);
  });

  test("a bio over 280 characters is refused and kept for editing", async ({ page }) => {
    const member = await createMember({ prefix: "bio" });
    await openSettingsAs(page, member);
    const form = page.getByTestId("profile-form");
    const long = "a".repeat(281);
    await form.getByLabel("Bio").fill(long);
    await expect(form.getByText("281/280")).toBeVisible();
    await form.getByRole("button", { name: "Save profile" }).click();
    await expect(form).toContainText("Bios have at most 280 characters.");
    await expect(form.getByLabel("Bio")).toBeFocused();
    await expect(form.getByLabel("Bio")).toHaveValue(long);
  });
});

test.describe("email", () => {
  test("a new address is pending until its link is opened", async ({ page }) => {
    const member = await createMember({ prefix: "mail" });
    await openSettingsAs(page, member);
    const section = page.getByTestId("settings-email");
    const next = uniqueMember("new").email;

    await section.getByLabel("New email address").fill("not-an-address");
    await section.getByRole("button", { name: "Change email" }).click();
    await expect(section.getByLabel("New email address")).toBeFocused();
    await expect(section).toContainText("Enter a valid email address");

    await section.getByLabel("New email address").fill(next);
    await section.getByRole("button", { name: "Change email" }).click();
    // A sensitive change: the current password first.
    await expect(section).toContainText("Enter your current password.");
    await expect(section.getByLabel("Current password")).toBeFocused();
    await section.getByLabel("Current password").fill(member.password ?? "");
    await section.getByRole("button", { name: "Change email" }).click();
    await expect(page.getByTestId("pending-email")).toContainText(next);
    // Nothing changed yet.
    await expect(page.getByTestId("current-email")).toHaveText(member.email);
    expect((await sql(`SELECT email FROM "User" WHERE id = $1`, [member.id]))[0]?.email).toBe(member.email);

    const mail = await waitForMail(next, "Confirm your email for Roomful");
    await page.goto(linkIn(mail, "/verify-email"));
    await expect(page.getByTestId("verify-confirmed")).toBeVisible();

    await page.goto("/settings");
    await expect(page.getByTestId("current-email")).toHaveText(next);
    await expect(page.getByTestId("pending-email")).toHaveCount(0);
  });

  test("the old address is told of a change and can undo it, which signs out everywhere", async ({ page, browser }) => {
    const member = await createMember({ prefix: "undo" });
    await openSettingsAs(page, member);
    const section = page.getByTestId("settings-email");
    const next = uniqueMember("undone").email;
    await section.getByLabel("New email address").fill(next);
    await section.getByLabel("Current password").fill(member.password ?? "");
    await section.getByRole("button", { name: "Change email" }).click();
    await expect(page.getByTestId("pending-email")).toContainText(next);
    await page.goto(linkIn(await waitForMail(next, "Confirm your email for Roomful"), "/verify-email"));
    await expect(page.getByTestId("verify-confirmed")).toBeVisible();

    // The owner of the old address, in another browser: opening the link changes nothing until they press the button.
    const notice = await waitForMail(member.email, "Your Roomful email was changed");
    const owner = await browser.newContext();
    try {
      const ownerPage = await owner.newPage();
      await ownerPage.goto(linkIn(notice, "/undo-email-change"));
      await expect(ownerPage.getByTestId("undo-email-change")).toBeVisible();
      expect((await sql(`SELECT email FROM "User" WHERE id = $1`, [member.id]))[0]?.email).toBe(next);
      await ownerPage.getByRole("button", { name: "Undo the change" }).click();
      await expect(ownerPage.getByTestId("undo-email-done")).toBeVisible();
      expect((await sql(`SELECT email FROM "User" WHERE id = $1`, [member.id]))[0]?.email).toBe(member.email);
    } finally {
      await owner.close();
    }
    // Whoever made the change is signed out.
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
  });

  test("a pending change can be cancelled", async ({ page }) => {
    const member = await createMember({ prefix: "mailc" });
    await openSettingsAs(page, member);
    const next = uniqueMember("newc").email;
    await page.getByTestId("settings-email").getByLabel("New email address").fill(next);
    await page
      .getByTestId("settings-email")
      .getByLabel("Current password")
      .fill(member.password ?? "");
    await page.getByRole("button", { name: "Change email" }).click();
    await expect(page.getByTestId("pending-email")).toBeVisible();
    await page.getByRole("button", { name: "Cancel the change" }).click();
    await expect(page.getByTestId("pending-email")).toHaveCount(0);
    await expect(page.getByTestId("current-email")).toHaveText(member.email);
  });
});

test.describe("password", () => {
  test("changing it keeps this browser signed in and ends the other sessions", async ({ page, browser }) => {
    const member = await createMember({ prefix: "pw" });
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInViaApi(otherPage, member.username, member.password ?? "");
    await otherPage.goto("/settings");
    await expect(otherPage.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();

    await openSettingsAs(page, member);
    const form = page.getByTestId("password-form");
    const newPassword = `brand-new-${member.username}`;

    // Wrong current password: a field error, focused.
    await form.getByLabel("Current password").fill("not-my-password");
    await form.getByLabel("New password", { exact: true }).fill(newPassword);
    await form.getByLabel("Repeat new password").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form).toContainText("That is not your current password.");
    await expect(form.getByLabel("Current password")).toBeFocused();

    // Too common a password fails the policy.
    await form.getByLabel("Current password").fill(member.password ?? "");
    await form.getByLabel("New password", { exact: true }).fill("password123");
    await form.getByLabel("Repeat new password").fill("password123");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form).toContainText("This password is too common.");
    await expect(form.getByLabel("New password", { exact: true })).toBeFocused();

    await form.getByLabel("Current password").fill(member.password ?? "");
    await form.getByLabel("New password", { exact: true }).fill(newPassword);
    await form.getByLabel("Repeat new password").fill(newPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form).toContainText("Password changed. You were signed out everywhere else.");

    // This browser is still signed in, after a full reload too.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    // The other one is not.
    await otherPage.goto("/settings");
    await expect(otherPage).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
    await other.close();

    await waitForMail(member.email, "Your Roomful password was changed");
    // The new password signs in; the old one does not.
    const fresh = await browser.newContext();
    const freshPage = await fresh.newPage();
    await expect(signInViaApi(freshPage, member.username, member.password ?? "")).rejects.toThrow(/error=invalid/);
    await signInViaApi(freshPage, member.username, newPassword);
    await fresh.close();
  });

  test("a member without a password (OAuth only) sets a first one without a current one", async ({ page, baseURL }) => {
    const member = await createMember({ prefix: "oa", password: null });
    await signInByCookie(page.context(), baseURL ?? "", member);
    await page.goto("/settings");
    const form = page.getByTestId("password-form");
    await expect(form.getByLabel("Current password")).toHaveCount(0);
    const password = `first-one-${member.username}`;
    await form.getByLabel("Password", { exact: true }).fill(password);
    await form.getByLabel("Repeat password").fill(password);
    await form.getByRole("button", { name: "Set password" }).click();
    await expect(form).toContainText("Password set.");
    await page.reload();
    await expect(page.getByTestId("password-form").getByLabel("Current password")).toBeVisible();
  });
});

test.describe("account deletion", () => {
  test("messages stay as Anonymous User and hosted rooms stay without a host", async ({ page }) => {
    const member = await createMember({ prefix: "del" });
    const [alice] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE username = 'alice'`);
    const room = await createRoom({
      hostId: member.id,
      name: "Leaving soon",
      messages: [
        { authorId: member.id, body: "I opened this room." },
        { authorId: member.id, body: "Second line from me." },
        { authorId: alice?.id ?? null, body: "Hi, I am Alice." },
      ],
    });

    await page.goto(`/rooms/${room.slug}`);
    await expect(page.getByTestId("room-host")).toContainText(`@${member.username}`);

    await openSettingsAs(page, member);
    const section = page.getByTestId("settings-delete");
    await section.getByRole("button", { name: "Delete account…" }).click();
    await section.getByLabel("Your password").fill("wrong-password-here");
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(section).toContainText("That is not your current password.");
    await expect(section.getByLabel("Your password")).toBeFocused();

    await section.getByLabel("Your password").fill(member.password ?? "");
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("toast").filter({ hasText: "Your account was deleted" })).toBeVisible();

    // Signed out: settings sends to sign-in.
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/login/);

    // The room and its messages stay.
    await page.goto(`/rooms/${room.slug}`);
    await expect(page.getByTestId("room-host")).toHaveText("No host");
    const mine = page.getByTestId("message").filter({ hasText: "I opened this room." });
    await expect(mine).toContainText("Anonymous User");
    await expect(mine.getByTestId("anonymous-avatar")).toBeVisible();
    await expect(page.getByTestId("message").filter({ hasText: "Second line from me." })).toContainText(
      "Anonymous User",
    );
    await expect(page.getByTestId("message").filter({ hasText: "Hi, I am Alice." })).toContainText("Alice Johnson");
    await expect(page.getByText(member.name)).toHaveCount(0);

    // The profile is gone.
    await signInViaApi(page, "bob", SEED_PASSWORD);
    expect((await page.goto(`/u/${member.username}`))?.status()).toBe(404);
  });

  test("a member without a password confirms with their username", async ({ page, baseURL }) => {
    const member = await createMember({ prefix: "delo", password: null });
    await signInByCookie(page.context(), baseURL ?? "", member);
    await page.goto("/settings");
    const section = page.getByTestId("settings-delete");
    await section.getByRole("button", { name: "Delete account…" }).click();
    const confirm = section.getByLabel(`Type ${member.username} to confirm`);
    await confirm.fill("someone_else");
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(section).toContainText("That is not your username.");
    await confirm.fill(member.username);
    await section.getByRole("button", { name: "Delete my account" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(await sql(`SELECT id FROM "User" WHERE id = $1`, [member.id])).toHaveLength(0);
  });
});
