// Session revocation through the real app: a session cookie stays a valid JWT, but once the
// user's session version moves on (sign-out everywhere, password change) or the account is
// deactivated, getCurrentUser treats it as signed out, in every browser that holds a copy.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "./support/test";
import { hashPassword } from "../lib/auth/password";
import { signInViaApi, uniqueMember } from "./support/accounts";
import { sql } from "./support/services";

/** A verified member made directly in the database (seeded accounts are shared by other specs). */
async function createMember() {
  const member = uniqueMember("sv");
  const id = `sv${randomUUID().replace(/-/g, "")}`;
  await sql(
    `INSERT INTO "User" (id, email, username, name, "passwordHash", "emailVerifiedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, now(), now())`,
    [id, member.email, member.username, member.name, await hashPassword(member.password)],
  );
  return { id, ...member };
}

async function me(request: APIRequestContext) {
  const response = await request.get("/api/me");
  return { status: response.status(), body: (await response.json()) as unknown };
}

const SIGNED_OUT = { status: 401, body: { error: { code: "unauthorized", message: "Please sign in." } } };

test("/api/me answers who is signed in, and 401 JSON without a session", async ({ page, request }) => {
  const response = await request.get("/api/me");
  expect(response.status()).toBe(401);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await me(request)).toEqual(SIGNED_OUT);

  const member = await createMember();
  await signInViaApi(page, member.email, member.password);
  expect(await me(page.context().request)).toEqual({
    status: 200,
    body: { id: member.id, username: member.username, role: "MEMBER" },
  });
});

test("a bumped session version signs out every copy of the old cookie", async ({ page, browser, baseURL }) => {
  const member = await createMember();
  await signInViaApi(page, member.username, member.password);
  const signedIn = { status: 200, body: { id: member.id, username: member.username, role: "MEMBER" } };
  expect(await me(page.context().request)).toEqual(signedIn);

  // A second browser holding a copy of the same cookie (another device, or a stolen cookie).
  const copy = await browser.newContext({ baseURL });
  try {
    await copy.addCookies(await page.context().cookies());
    expect(await me(copy.request)).toEqual(signedIn);

    await sql(`UPDATE "User" SET "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [member.id]);
    expect(await me(page.context().request)).toEqual(SIGNED_OUT);
    expect(await me(copy.request)).toEqual(SIGNED_OUT);

    // Signing in again issues a cookie with the new version; the old copy stays dead.
    await signInViaApi(page, member.username, member.password);
    expect(await me(page.context().request)).toEqual(signedIn);
    expect(await me(copy.request)).toEqual(SIGNED_OUT);
  } finally {
    await copy.close();
  }
});

test("deactivation ends the session at once, and sign-in then answers 'deactivated'", async ({ page }) => {
  const member = await createMember();
  await signInViaApi(page, member.email, member.password);
  expect((await me(page.context().request)).status).toBe(200);

  await sql(`UPDATE "User" SET "deactivatedAt" = now() WHERE id = $1`, [member.id]);
  expect(await me(page.context().request)).toEqual(SIGNED_OUT);
  await expect(signInViaApi(page, member.email, member.password)).rejects.toThrow(/error=deactivated/);
  // Only the right password reveals the deactivation.
  await expect(signInViaApi(page, member.email, "not-the-password")).rejects.toThrow(/error=invalid/);
  expect(await me(page.context().request)).toEqual(SIGNED_OUT);
});
