// Sign-up and email confirmation in the browser, reading the real mail catcher: sign-up signs nobody
// in and answers "check your inbox" whether the address is new or taken; the new member signs in and
// sees a "confirm your email" banner until the mailed link is used; a dead link says why and sends a
// new one; the form keeps what was typed and points at the first problem.
import { randomInt } from "node:crypto";
import { expect, test } from "./support/test";
import { checkInbox, fillSignUp, signUp } from "./support/account-forms";
import { uniqueMember } from "./support/accounts";
import { linkIn, sql, waitForMail } from "./support/services";

// Every spec file reaches the app from 127.0.0.1; sign-ups are limited per IP, so this file
// speaks for an address of its own (the app reads it from X-Forwarded-For).
const clientIp = `10.21.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

const CONFIRM_SUBJECT = "Confirm your email for Roomful";

/** Waits for a confirmation mail to `email` whose link is not `previous`; returns the link. */
async function nextConfirmationLink(email: string, previous?: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const link = linkIn(await waitForMail(email, CONFIRM_SUBJECT), "/verify-email");
    if (link !== previous) return link;
    if (Date.now() > deadline) throw new Error(`no new confirmation mail to ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test("a new member signs up, is told to check their inbox, signs in, and the mailed link confirms the email", async ({
  page,
}) => {
  const member = uniqueMember("su");
  await page.goto("/");
  await page.getByRole("link", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await fillSignUp(page, member);
  await page.getByRole("button", { name: "Create account" }).click();

  // Sign-up signs nobody in: the sign-in page, with the same words a taken address gets.
  await expect(page).toHaveURL(/\/login$/);
  await expect(checkInbox(page, member.email)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  // The account is made after the answer; its confirmation mail says it exists.
  const firstLink = await nextConfirmationLink(member.email);
  await page.getByLabel("Email or username", { exact: true }).fill(member.email);
  await page.getByLabel("Password", { exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
  const banner = page.getByTestId("verify-banner");
  await expect(banner).toContainText("Please confirm your email.");

  // The banner stays on other pages until the email is confirmed.
  await page.goto("/?q=rust");
  await expect(banner).toBeVisible();

  await page.goto(firstLink);
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("button", { name: `Account menu for ${member.name}` })).toBeVisible();
  await expect(banner).toHaveCount(0);

  const [row] = await sql<{ verified: boolean }>(
    `SELECT "emailVerifiedAt" IS NOT NULL AS verified FROM "User" WHERE email = $1`,
    [member.email],
  );
  expect(row?.verified).toBe(true);
});

test("opening the link does not use it up (mail scanners); without JavaScript the button confirms", async ({
  page,
  browser,
  request,
}) => {
  const member = uniqueMember("ns");
  await signUp(page, member);
  const link = await nextConfirmationLink(member.email);

  // A scanner fetches the page: nothing changes.
  expect((await request.get(link)).status()).toBe(200);
  const unused = await sql<{ used: boolean }>(
    `SELECT "usedAt" IS NOT NULL AS used FROM "OneTimeToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1 AND t.kind = 'EMAIL_VERIFICATION'`,
    [member.email],
  );
  expect(unused.map((r) => r.used)).toEqual([false]);

  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    extraHTTPHeaders: { "x-forwarded-for": clientIp },
  });
  try {
    const plain = await noScript.newPage();
    await plain.goto(link);
    await expect(plain.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
    await plain.getByRole("button", { name: "Confirm my email" }).click();
    await expect(plain.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();
  } finally {
    await noScript.close();
  }
  await page.reload();
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);
});

test("an expired link says so, and the new link it sends confirms the email", async ({ page }) => {
  test.slow(); // several round trips and mails
  const member = uniqueMember("ex");
  await signUp(page, member);
  const first = await nextConfirmationLink(member.email);
  await sql(
    `UPDATE "OneTimeToken" SET "expiresAt" = now() - interval '1 minute'
     WHERE kind = 'EMAIL_VERIFICATION' AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
    [member.email],
  );

  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeFocused();
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByText("Sent! Check your inbox.")).toBeVisible();

  const second = await nextConfirmationLink(member.email, first);
  await page.goto(second);
  await expect(page.getByRole("heading", { name: "Your email is confirmed" })).toBeVisible();
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);

  // Used once, it is done.
  await page.goto(second);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
});

test("the banner's Resend email button sends a new link and says so", async ({ page }) => {
  const member = uniqueMember("rb");
  await signUp(page, member);
  const first = await nextConfirmationLink(member.email);
  await page.getByTestId("verify-banner").getByRole("button", { name: "Resend email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sent! Check your inbox." })).toBeVisible();
  const second = await nextConfirmationLink(member.email, first);
  expect(second).not.toBe(first);
});

test("signed out, a dead link asks for the address and answers alike for any address", async ({ page }) => {
  await page.goto("/verify-email?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "This link isn't valid" })).toBeVisible();
  const email = page.getByLabel("Email address", { exact: true });
  await email.fill("nobody-at-all@example.test");
  await page.getByRole("button", { name: "Send a new link" }).click();
  await expect(page.getByText("If that address belongs to an account that still needs confirming")).toBeVisible();
  await expect(email).toHaveValue("nobody-at-all@example.test");
});

test("signing up with an email that has an account looks the same as with a new one", async ({ page }) => {
  const member = uniqueMember("dup");
  await page.goto("/register");
  await fillSignUp(page, { ...member, email: "chen@roomful.local" });
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(checkInbox(page, "chen@roomful.local")).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContainEqual(
    expect.stringContaining("session-token"),
  );
  await expect(page.getByTestId("verify-banner")).toHaveCount(0);
  // The address's owner hears about it instead.
  await waitForMail("chen@roomful.local", "Someone tried to sign up to Roomful with your email");
  expect(await sql(`SELECT 1 FROM "User" WHERE username = $1`, [member.username])).toHaveLength(0);
});

test("form errors keep what was typed and focus the first problem; a double submit creates one account", async ({
  page,
}) => {
  test.slow(); // several round trips and mails
  const member = uniqueMember("fe");
  await page.goto("/register");
  await fillSignUp(page, member, { username: "alice", password: "password123", confirm: "password124" });
  await page.getByRole("button", { name: "Create account" }).click();

  const username = page.getByLabel("Username", { exact: true });
  const password = page.getByLabel("Password", { exact: true });
  const confirm = page.getByLabel("Confirm password", { exact: true });
  await expect(username).toBeFocused();
  await expect(username).toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveAccessibleDescription(/This username is taken\. Try another\./);
  await expect(password).toHaveAccessibleDescription(/This password is too common/);
  await expect(confirm).toHaveAccessibleDescription(/The two passwords differ\./);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(member.email);
  await expect(page.getByLabel("Email", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  await expect(username).toHaveValue("alice");
  await expect(page.getByLabel("Display name", { exact: true })).toHaveValue(member.name);
  await expect(password).toHaveValue("password123");
  await expect(confirm).toHaveValue("password124");

  // Only the confirmation is wrong now: focus goes there.
  await username.fill(member.username);
  await password.fill(member.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(confirm).toBeFocused();
  await expect(username).not.toHaveAttribute("aria-invalid", "true");

  await confirm.fill(member.password);
  await page.getByRole("button", { name: "Create account" }).dblclick();
  await expect(page).toHaveURL(/\/login$/);
  await expect(checkInbox(page, member.email)).toBeVisible();
  await nextConfirmationLink(member.email); // the account is made after the answer
  expect(await sql(`SELECT 1 FROM "User" WHERE email = $1`, [member.email])).toHaveLength(1);
});
