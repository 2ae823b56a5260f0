// The sign-in page: messages for wrong, locked and deactivated accounts, the way back to the page
// that asked for sign-in (never off-site), the notices in the URL, and signing out everywhere.
import { randomInt } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { signUp } from "./support/account-forms";
import { SEED_PASSWORD, signInViaApi, uniqueMember } from "./support/accounts";
import { sql } from "./support/services";

// Failed sign-ins are also limited per IP; this file speaks for an address of its own.
const clientIp = `10.22.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

async function signInWithForm(page: Page, identifier: string, password: string) {
  await page.getByLabel("Email or username", { exact: true }).fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const accountMenu = (page: Page, name: string) => page.getByRole("button", { name: `Account menu for ${name}` });
const headerSignIn = (page: Page) => page.getByRole("banner").getByRole("link", { name: "Sign in" });
/** The sign-in form's own alert (the page also has the toast and route-announcer live regions). */
const formAlert = (page: Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

test("a wrong password and an unknown account get the same message", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, "dana", "not-danas-password");
  const alert = formAlert(page).filter({ hasText: "Wrong email/username or password." });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  // What was typed stays.
  await expect(page.getByLabel("Email or username", { exact: true })).toHaveValue("dana");

  await signInWithForm(page, "no_such_member_here", "whatever-password");
  await expect(alert).toBeVisible();
  await expect(headerSignIn(page)).toBeVisible();
});

test("empty fields are pointed out before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const identifier = page.getByLabel("Email or username", { exact: true });
  await expect(identifier).toBeFocused();
  await expect(identifier).toHaveAccessibleDescription("Enter your email or username.");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAccessibleDescription("Enter your password.");
});

test("signing in with a username returns to the page that asked for it", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2F%3Fq%3Drust");
  await signInWithForm(page, "bob", SEED_PASSWORD);
  await expect(page).toHaveURL(/\/\?q=rust$/);
  await expect(accountMenu(page, "Bob Martínez")).toBeVisible();

  // Signed in, the sign-in page sends you on.
  await page.goto("/login");
  await expect(page).toHaveURL(/\/$/);
});

test("signing in with an email ignores an off-site callbackUrl", async ({ page, baseURL }) => {
  await page.goto("/login?callbackUrl=%2F%2Fevil.example%2Fsteal");
  await signInWithForm(page, "chen@roomful.local", SEED_PASSWORD);
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(accountMenu(page, "Chen Wei")).toBeVisible();
});

test("too many failures lock the account for a while, and the page says for how long", async ({ page }) => {
  const identifier = `locked_${randomInt(1e9)}`;
  for (let i = 0; i < 10; i++)
    await expect(signInViaApi(page, identifier, "wrong-password")).rejects.toThrow(/error=invalid/);
  await page.goto("/login");
  await signInWithForm(page, identifier, "wrong-password");
  await expect(formAlert(page)).toHaveText(/^Too many attempts\. Try again in 1[45] minutes\.$/);
});

test("a deactivated account is told so (only with the right password)", async ({ page, browser }) => {
  const member = uniqueMember("da");
  await signUp(page, member);
  await sql(`UPDATE "User" SET "deactivatedAt" = now() WHERE email = $1`, [member.email]);

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  try {
    const fresh = await other.newPage();
    await fresh.goto("/login");
    await signInWithForm(fresh, member.username, member.password);
    await expect(formAlert(fresh)).toHaveText("This account has been deactivated.");
    await signInWithForm(fresh, member.username, "not-the-password");
    await expect(formAlert(fresh)).toHaveText("Wrong email/username or password.");
  } finally {
    await other.close();
  }
});

test("notices arriving in the URL: a changed password (closable) and OAuth errors", async ({ page }) => {
  await page.goto("/login?reset=1");
  const notice = page.getByText("Your password was changed. Sign in with your new password.");
  await expect(notice).toBeVisible();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);

  await page.goto("/login?error=oauth-email-exists&provider=github");
  await expect(formAlert(page)).toHaveText(
    "An account with this email already exists. Sign in with your password, then link GitHub from Settings.",
  );
  await page.goto("/login?error=OAuthCallback&provider=google");
  await expect(formAlert(page)).toHaveText("We couldn't sign you in with Google. Please try again.");
});

test("the confirmation email can be asked for again from the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByText("Didn't get the confirmation email?").click();
  await page.getByLabel("Email address", { exact: true }).fill("someone-unknown@example.test");
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByText("If that address belongs to an account that still needs confirming")).toBeVisible();
});

test("the header menu links to the profile and settings; signing out ends this session only", async ({
  page,
  browser,
}) => {
  // A sign-up, a second browser signed in, and a sign-out that both must see.
  test.slow();
  const member = uniqueMember("so");
  await signUp(page, member);

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });
  try {
    const elsewhere = await other.newPage();
    await signInViaApi(elsewhere, member.email, member.password);
    await elsewhere.goto("/");
    await expect(accountMenu(elsewhere, member.name)).toBeVisible();

    const menu = accountMenu(page, member.name);
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("link", { name: "Profile", exact: true })).toHaveAttribute(
      "href",
      `/u/${member.username}`,
    );
    await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("href", "/settings");
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();

    await menu.click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Signed out" })).toBeVisible();
    await expect(headerSignIn(page)).toBeVisible();

    // The other browser is another device: still signed in (Settings can sign it out).
    await elsewhere.reload();
    await expect(accountMenu(elsewhere, member.name)).toBeVisible();
  } finally {
    await other.close();
  }
});
