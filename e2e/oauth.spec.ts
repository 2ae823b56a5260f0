// Sign-in, linking and unlinking through an OAuth provider, end to end against a local OpenID
// Connect issuer ("Test OIDC", started by the global setup). Each test picks who the issuer
// says the person is with setOidcIdentity, in its own browser context.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "./support/test";
import { hashPassword } from "../lib/auth/password";
import { SEED_PASSWORD, signInViaApi, uniqueMember } from "./support/accounts";
import { setOidcIdentity, type OidcIdentity } from "./support/oidc-issuer";
import { sql } from "./support/services";

const PROVIDER = "oidc-test";
const EMAIL_EXISTS_MESSAGE = "An account with this email already exists. Sign in with your password, then link";

function newIdentity(overrides: Partial<OidcIdentity> = {}): OidcIdentity {
  const id = randomUUID().replace(/-/g, "").slice(0, 10);
  return {
    sub: `sub-${id}`,
    email: `oidc${id}@example.test`,
    email_verified: true,
    preferred_username: `Oidc.User-${id}`,
    name: `Oidc Person ${id.slice(0, 4)}`,
    ...overrides,
  };
}

/** Clicks "Continue with Test OIDC" on the sign-in page; the issuer answers at once. */
async function continueWithTestOidc(page: Page, callbackUrl?: string): Promise<void> {
  await page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  await page.getByTestId(`oauth-sign-in-${PROVIDER}`).click();
}

async function sessionUserId(page: Page): Promise<string | undefined> {
  const session = (await (await page.context().request.get("/api/auth/session")).json()) as { userId?: string };
  return session.userId;
}

async function accountsOf(sub: string) {
  return sql<{ userId: string }>(`SELECT "userId" FROM "Account" WHERE provider = $1 AND "providerAccountId" = $2`, [
    PROVIDER,
    sub,
  ]);
}

/** A member with a password (and a verified email), straight into the database. */
async function createPasswordMember() {
  const member = uniqueMember("p");
  const id = `e2e${randomUUID().replace(/-/g, "")}`;
  await sql(
    `INSERT INTO "User" (id, email, username, name, "passwordHash", "emailVerifiedAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, now(), now())`,
    [id, member.email, member.username, member.name, await hashPassword(member.password)],
  );
  return { ...member, id };
}

test("a first OAuth sign-in creates a member and a profile, and signs them in", async ({ page }) => {
  const identity = newIdentity({ picture: "https://images.example.test/me.png" });
  await setOidcIdentity(page.context(), identity);

  await continueWithTestOidc(page);
  await page.waitForURL((url) => url.pathname === "/");
  const userId = await sessionUserId(page);
  expect(userId).toBeTruthy();

  const [user] = await sql<{
    id: string;
    username: string;
    name: string;
    image: string | null;
    passwordHash: string | null;
    verified: boolean;
  }>(
    `SELECT id, username, name, image, "passwordHash", "emailVerifiedAt" IS NOT NULL AS verified FROM "User" WHERE email = $1`,
    [identity.email],
  );
  expect(user).toEqual({
    id: userId,
    username: (identity.preferred_username ?? "").toLowerCase().replace(/[.-]/g, "_"),
    name: identity.name,
    image: "https://images.example.test/me.png",
    passwordHash: null,
    verified: true,
  });
  expect(await accountsOf(identity.sub)).toEqual([{ userId }]);

  // The profile is there for everyone to see.
  await page.goto(`/u/${user?.username}`);
  await expect(page.getByRole("heading", { name: identity.name })).toBeVisible();

  // Signing in again with the same provider account is the same member, not a new one.
  await page.context().clearCookies({ name: "next-auth.session-token" });
  expect(await sessionUserId(page)).toBeUndefined();
  await continueWithTestOidc(page, "/settings");
  await page.waitForURL((url) => url.pathname === "/settings");
  expect(await sessionUserId(page)).toBe(userId);
  expect(await sql(`SELECT id FROM "User" WHERE email = $1`, [identity.email])).toHaveLength(1);
});

test("a login that is already someone's username gets a numeric suffix", async ({ page }) => {
  const identity = newIdentity({ preferred_username: "Alice", email_verified: true });
  await setOidcIdentity(page.context(), identity);
  await continueWithTestOidc(page);
  await page.waitForURL((url) => url.pathname === "/");
  const [user] = await sql<{ username: string }>(`SELECT username FROM "User" WHERE email = $1`, [identity.email]);
  expect(user?.username).toMatch(/^alice\d+$/);
});

test("an address the provider has not confirmed opens no account, and the sign-in page says why", async ({ page }) => {
  const identity = newIdentity({ email_verified: false });
  await setOidcIdentity(page.context(), identity);
  await continueWithTestOidc(page);
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.getByText(/has not confirmed your email address/)).toBeVisible();
  expect(await sql(`SELECT id FROM "User" WHERE email = $1`, [identity.email])).toHaveLength(0);
  expect(await sessionUserId(page)).toBeUndefined();
});

test("OAuth with the email of an existing member is not linked silently", async ({ page }) => {
  for (const email of ["alice@roomful.local", (await createPasswordMember()).email]) {
    const identity = newIdentity({ email, email_verified: true });
    await setOidcIdentity(page.context(), identity);
    await continueWithTestOidc(page);

    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") === "oauth-email-exists");
    expect(new URL(page.url()).searchParams.get("provider")).toBe("Test OIDC");
    await expect(page.getByText(EMAIL_EXISTS_MESSAGE)).toBeVisible();
    expect(await sessionUserId(page)).toBeUndefined();
    expect(await accountsOf(identity.sub)).toEqual([]);
    expect(await sql(`SELECT id FROM "User" WHERE email = $1`, [email])).toHaveLength(1);
  }
});

test("a member links the provider from Settings, signs in with it, then unlinks it", async ({ page }) => {
  const member = await createPasswordMember();
  // Another email than the member's: linking is by explicit request, not by email.
  const identity = newIdentity();
  await setOidcIdentity(page.context(), identity);
  await signInViaApi(page, member.email, member.password);

  await page.goto("/settings");
  const row = page.getByTestId(`linked-account-${PROVIDER}`);
  await expect(row).toContainText("Not linked");
  await row.getByTestId(`link-${PROVIDER}`).click();

  // The callback's ?linked= is read into the message, then dropped from the address bar.
  await expect(page.getByText("Test OIDC is linked. You can now sign in with it.")).toBeVisible();
  await expect(page).toHaveURL((url) => url.pathname === "/settings" && !url.searchParams.has("linked"));
  await expect(row).toHaveAttribute("data-linked", "true");
  expect(await accountsOf(identity.sub)).toEqual([{ userId: member.id }]);
  expect(await sql(`SELECT id FROM "User" WHERE email = $1`, [identity.email])).toEqual([]);

  // Signed out, the provider now signs them in as themselves.
  await page.context().clearCookies({ name: "next-auth.session-token" });
  await continueWithTestOidc(page, "/settings");
  await page.waitForURL((url) => url.pathname === "/settings");
  expect(await sessionUserId(page)).toBe(member.id);

  // They have a password, so the provider may go, once they type it.
  await row.getByTestId(`unlink-${PROVIDER}`).click();
  const dialog = page.getByTestId("unlink-dialog");
  await dialog.getByLabel("Your password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Unlink" }).click();
  await expect(dialog).toContainText("That is not your current password.");
  await expect(row).toHaveAttribute("data-linked", "true");
  await dialog.getByLabel("Your password").fill(member.password);
  await dialog.getByRole("button", { name: "Unlink" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Test OIDC is no longer linked.")).toBeVisible();
  await expect(row).toHaveAttribute("data-linked", "false");
  expect(await accountsOf(identity.sub)).toEqual([]);
});

test("a provider account already linked to another member is not linked again", async ({ browser }) => {
  const identity = newIdentity();
  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await setOidcIdentity(owner, identity);
  await continueWithTestOidc(ownerPage);
  await ownerPage.waitForURL((url) => url.pathname === "/");
  const ownerId = await sessionUserId(ownerPage);
  await owner.close();

  const other = await browser.newContext();
  const page = await other.newPage();
  await setOidcIdentity(other, identity);
  await signInViaApi(page, "bob", SEED_PASSWORD);
  await page.goto("/settings");
  await page.getByTestId(`link-${PROVIDER}`).click();
  await expect(page.getByText("That Test OIDC account is already linked to another Roomful member")).toBeVisible();
  expect(await accountsOf(identity.sub)).toEqual([{ userId: ownerId }]);
  await other.close();
});

test("unlinking is refused when the provider is a member's only way to sign in", async ({ page }) => {
  const identity = newIdentity();
  await setOidcIdentity(page.context(), identity);
  await continueWithTestOidc(page, "/settings");
  await page.waitForURL((url) => url.pathname === "/settings");

  const row = page.getByTestId(`linked-account-${PROVIDER}`);
  await expect(row).toHaveAttribute("data-linked", "true");
  await row.getByTestId(`unlink-${PROVIDER}`).click();
  await page.getByTestId("unlink-dialog").getByRole("button", { name: "Unlink" }).click();
  await expect(page.getByText("You can't unlink Test OIDC: it is your only way to sign in.")).toBeVisible();
  await expect(row).toHaveAttribute("data-linked", "true");
  expect(await accountsOf(identity.sub)).toHaveLength(1);
});

test("a deactivated member cannot sign in with their provider", async ({ page }) => {
  const identity = newIdentity();
  await setOidcIdentity(page.context(), identity);
  await continueWithTestOidc(page);
  await page.waitForURL((url) => url.pathname === "/");
  await sql(`UPDATE "User" SET "deactivatedAt" = now() WHERE email = $1`, [identity.email]);

  await page.context().clearCookies({ name: "next-auth.session-token" });
  await continueWithTestOidc(page);
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") === "deactivated");
  await expect(page.getByText("This account has been deactivated.")).toBeVisible();
  expect(await sessionUserId(page)).toBeUndefined();
});

test("a member without a password signs in again with the provider before setting one", async ({ page }) => {
  const identity = newIdentity();
  await setOidcIdentity(page.context(), identity);
  await continueWithTestOidc(page, "/settings");
  await page.waitForURL((url) => url.pathname === "/settings");
  const userId = await sessionUserId(page);
  // This device's sign-in was a while ago.
  await sql(`UPDATE "UserSession" SET "provedAt" = now() - interval '1 hour' WHERE "userId" = $1`, [userId]);
  await page.reload();

  const form = page.getByTestId("password-form");
  await expect(form.getByText("Confirm it's you")).toBeVisible();
  const password = `first-${identity.sub}`;
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByLabel("Repeat password").fill(password);
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form).toContainText("confirm it's you");
  expect((await sql(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [userId]))[0]?.passwordHash).toBeNull();

  // The provider signs them in again on this device (the same session, not a second one) and brings them back.
  await form.getByTestId(`reauth-${PROVIDER}`).click();
  await page.waitForURL((url) => url.pathname === "/settings" && url.hash === "#sign-in");
  await expect(form.getByText("Confirm it's you")).toHaveCount(0);
  expect(await sql(`SELECT id FROM "UserSession" WHERE "userId" = $1`, [userId])).toHaveLength(1);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByLabel("Repeat password").fill(password);
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form).toContainText("Password set.");
});
