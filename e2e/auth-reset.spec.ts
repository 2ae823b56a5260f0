// Password reset through the real mail catcher: the request answers alike for any address, the
// mailed link sets a new password once, the old one stops working, and every session that was
// signed in before the reset is signed out.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { signUp, signOut } from "./support/account-forms";
import { signInViaApi, uniqueMember } from "./support/accounts";
import { linkIn, sql, waitForMail } from "./support/services";

// Reset requests and sign-ups are limited per IP; this file speaks for an address of its own.
const clientIp = `10.23.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

const RESET_SUBJECT = "Reset your Roomful password";
const SENT = "If an account exists for that address, we've sent a link to reset the password.";

async function requestReset(page: Page, email: string) {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(SENT)).toBeVisible();
}

async function signInWithForm(page: Page, identifier: string, password: string) {
  await page.getByLabel("Email or username", { exact: true }).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("forgot password → mail → new password: the old one fails, the new one works, other sessions end", async ({
  page,
  browser,
}) => {
  // A long story (two browsers, sign-up, sign-out, two mails, three sign-ins): room on a busy machine.
  test.slow();
  const member = uniqueMember("rp");
  const newPassword = `${member.password}-renewed`;
  await signUp(page, member);
  await signOut(page, member);

  // Another browser signed in before the reset.
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  try {
    const elsewhere = await other.newPage();
    await signInViaApi(elsewhere, member.username, member.password);
    await elsewhere.goto("/");
    await expect(elsewhere.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

    await requestReset(page, member.email);
    const link = linkIn(await waitForMail(member.email, RESET_SUBJECT), "/reset-password");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

    // A slip in the confirmation is pointed out and does not use the link up.
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(`${newPassword}x`);
    await page.getByRole("button", { name: "Set new password" }).click();
    const confirm = page.getByLabel("Confirm new password", { exact: true });
    await expect(confirm).toBeFocused();
    await expect(confirm).toHaveAccessibleDescription("The two passwords differ.");

    await confirm.fill(newPassword);
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/login\?reset=1$/);
    await expect(page.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
    await waitForMail(member.email, "Your Roomful password was changed");

    await signInWithForm(page, member.email, member.password);
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
      "Wrong email/username or password.",
    );
    await signInWithForm(page, member.email, newPassword);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();

    // The session from before the reset is over.
    await elsewhere.reload();
    await expect(elsewhere.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(elsewhere.getByRole("button", { name: `Account menu for ${member.name}` })).toHaveCount(0);

    // And the link worked once.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This reset link was already used" })).toBeVisible();
  } finally {
    await other.close();
  }
});

test("an expired reset link says so and leads to a new request", async ({ page }) => {
  const member = uniqueMember("rx");
  await signUp(page, member);
  await signOut(page, member);
  await requestReset(page, member.email);
  const link = linkIn(await waitForMail(member.email, RESET_SUBJECT), "/reset-password");
  await sql(
    `UPDATE "OneTimeToken" SET "expiresAt" = now() - interval '1 minute'
     WHERE kind = 'PASSWORD_RESET' AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [member.email],
  );

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This reset link has expired" })).toBeVisible();
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test("a reset request answers the same for an unknown address, and a bad one is pointed out", async ({ page }) => {
  await page.goto("/forgot-password");
  const email = page.getByLabel("Email", { exact: true });
  await email.fill("not-an-email");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address/);

  await email.fill("nobody-here@example.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(SENT)).toBeVisible();
});

test("a reset link that is not one says so", async ({ page }) => {
  await page.goto("/reset-password?token=abc");
  await expect(page.getByRole("heading", { name: "This reset link isn't valid" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
});
