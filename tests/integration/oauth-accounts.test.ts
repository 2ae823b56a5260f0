// OAuth sign-in and linking decisions against the real database: new members, returning members,
// an email that is already taken (never linked silently), linking and unlinking rules, and the
// signed link intent.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import {
  identityFromProfile,
  resolveOAuthSignIn,
  signLinkIntent,
  verifyLinkIntent,
  type OAuthIdentity,
} from "@/lib/auth/oauth";
import { findAccountOwner, findFreeUsername, listLinkedProviders, linkAccount, unlinkAccount } from "@/lib/db/accounts";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { configuredOAuthProviders } from "@/lib/auth/oauth-providers";
import { parseEnv } from "@/lib/env";

afterAll(() => disconnectDb());

const SECRET = "s".repeat(40);

function id() {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

function account(provider = "oidc-test", providerAccountId = `sub-${id()}`) {
  return { provider, type: "oauth", providerAccountId };
}

function identity(overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  const n = id();
  return {
    email: `o${n}@example.test`,
    emailVerified: true,
    name: "Oauth Person",
    image: null,
    login: `Oauth.Person_${n}`,
    ...overrides,
  };
}

async function passwordMember() {
  const n = id();
  const email = `p${n}@example.test`;
  const user = await createUser({
    email,
    username: `p_${n}`,
    name: "Password Person",
    passwordHash: "not-a-real-hash",
  });
  return { ...user, email };
}

async function userByEmail(email: string) {
  return db.user.findUnique({ where: { email }, include: { accounts: true } });
}

describe("first sign-in", () => {
  it("creates a member without a password, with the provider account linked", async () => {
    const who = identity({ image: "https://example.test/p.png" });
    const acct = account();
    expect(await resolveOAuthSignIn({ account: acct, identity: who, linkingUserId: null })).toBe(true);
    const user = await userByEmail(who.email ?? "");
    expect(user).toMatchObject({ name: "Oauth Person", image: "https://example.test/p.png", passwordHash: null });
    expect(user?.username).toBe((who.login ?? "").toLowerCase().replace(".", "_"));
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user?.accounts).toEqual([
      expect.objectContaining({ provider: "oidc-test", providerAccountId: acct.providerAccountId, access_token: null }),
    ]);
  });

  it("opens no account for an address the provider has not confirmed", async () => {
    const who = identity({ emailVerified: false });
    expect(await resolveOAuthSignIn({ account: account(), identity: who, linkingUserId: null })).toMatch(
      /^\/login\?error=oauth-email-unverified/,
    );
    expect(await userByEmail(who.email ?? "")).toBeNull();
  });

  it("makes the username unique with a number", async () => {
    const first = await passwordMember();
    const taken = (await db.user.findUniqueOrThrow({ where: { id: first.id } })).username;
    const who = identity({ login: taken.toUpperCase() });
    await resolveOAuthSignIn({ account: account(), identity: who, linkingUserId: null });
    expect((await userByEmail(who.email ?? ""))?.username).toBe(`${taken}2`);
    expect(await findFreeUsername({ base: taken })).toBe(`${taken}3`);
  });

  it("never links to an existing member with the same email", async () => {
    const member = await passwordMember();
    const acct = account("google");
    const result = await resolveOAuthSignIn({
      account: acct,
      identity: identity({ email: member.email }),
      linkingUserId: null,
    });
    expect(result).toBe("/login?error=oauth-email-exists&provider=Google");
    expect(await findAccountOwner(acct)).toBeNull();
    expect(await listLinkedProviders({ userId: member.id })).toEqual([]);
  });

  it("refuses a provider that gives no usable email", async () => {
    const result = await resolveOAuthSignIn({
      account: account("github"),
      identity: identity({ email: null }),
      linkingUserId: null,
    });
    expect(result).toBe("/login?error=oauth-no-email&provider=GitHub");
  });
});

describe("returning members", () => {
  it("signs in the owner of a linked account, and refuses a deactivated one", async () => {
    const who = identity();
    const acct = account();
    await resolveOAuthSignIn({ account: acct, identity: who, linkingUserId: null });
    const owner = await findAccountOwner(acct);
    // A changed email at the provider does not matter: the account decides.
    expect(await resolveOAuthSignIn({ account: acct, identity: identity(), linkingUserId: null })).toBe(true);
    await db.user.update({ where: { id: owner?.id }, data: { deactivatedAt: new Date() } });
    expect(await resolveOAuthSignIn({ account: acct, identity: who, linkingUserId: null })).toBe(
      "/login?error=deactivated",
    );
  });
});

describe("linking", () => {
  it("links to the member who asked, even with another email", async () => {
    const member = await passwordMember();
    const acct = account();
    const result = await resolveOAuthSignIn({ account: acct, identity: identity(), linkingUserId: member.id });
    expect(result).toBe("/settings?linked=oidc-test&provider=Test+OIDC");
    expect((await findAccountOwner(acct))?.id).toBe(member.id);
  });

  it("refuses a provider account linked to someone else", async () => {
    const [a, b] = [await passwordMember(), await passwordMember()];
    const acct = account();
    await linkAccount({ userId: a.id, account: acct });
    const result = await resolveOAuthSignIn({ account: acct, identity: identity(), linkingUserId: b.id });
    expect(result).toBe("/settings?linkError=oauth-account-in-use&provider=Test+OIDC");
    expect((await findAccountOwner(acct))?.id).toBe(a.id);
  });
});

describe("unlinking", () => {
  it("refuses to unlink the only way to sign in of a member without a password", async () => {
    const who = identity();
    const acct = account();
    await resolveOAuthSignIn({ account: acct, identity: who, linkingUserId: null });
    const user = await userByEmail(who.email ?? "");
    const userId = user?.id ?? "";
    expect(await unlinkAccount({ userId, provider: "oidc-test" })).toEqual({
      ok: false,
      reason: "last_sign_in_method",
    });
    expect(await listLinkedProviders({ userId })).toEqual(["oidc-test"]);

    // With a second provider linked, either one may go, but not both.
    await linkAccount({ userId, account: account("github") });
    expect(await unlinkAccount({ userId, provider: "oidc-test" })).toEqual({ ok: true });
    expect(await unlinkAccount({ userId, provider: "github" })).toEqual({ ok: false, reason: "last_sign_in_method" });
  });

  it("lets a member with a password unlink their only provider", async () => {
    const member = await passwordMember();
    await linkAccount({ userId: member.id, account: account() });
    expect(await unlinkAccount({ userId: member.id, provider: "oidc-test" })).toEqual({ ok: true });
    expect(await unlinkAccount({ userId: member.id, provider: "oidc-test" })).toEqual({
      ok: false,
      reason: "not_linked",
    });
  });

  it("lets only one of two concurrent unlinks through when they would leave nothing", async () => {
    const who = identity();
    await resolveOAuthSignIn({ account: account(), identity: who, linkingUserId: null });
    const userId = (await userByEmail(who.email ?? ""))?.id ?? "";
    await linkAccount({ userId, account: account("github") });
    const outcomes = await Promise.all([
      unlinkAccount({ userId, provider: "oidc-test" }),
      unlinkAccount({ userId, provider: "github" }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await listLinkedProviders({ userId })).toHaveLength(1);
  });
});

describe("link intent", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");

  it("round-trips, and is refused when tampered with, signed with another secret or expired", () => {
    const value = signLinkIntent({ userId: "u1", provider: "google" }, SECRET, now);
    expect(verifyLinkIntent(value, SECRET, now + 1000)).toEqual({ userId: "u1", provider: "google" });
    expect(verifyLinkIntent(value, "t".repeat(40), now)).toBeNull();
    expect(verifyLinkIntent(value, SECRET, now + 5 * 60 * 1000)).toBeNull();
    const [payload, mac] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ u: "u2", p: "google", e: now / 1000 + 300 })).toString("base64url");
    expect(verifyLinkIntent(`${forged}.${mac}`, SECRET, now)).toBeNull();
    expect(verifyLinkIntent(`${payload}.${mac}x`, SECRET, now)).toBeNull();
    expect(verifyLinkIntent(undefined, SECRET, now)).toBeNull();
    expect(verifyLinkIntent("garbage", SECRET, now)).toBeNull();
  });
});

describe("provider profiles", () => {
  it("trusts email_verified only when the provider sets it", () => {
    expect(identityFromProfile({ email: "A@Example.test" }, { email_verified: true })).toMatchObject({
      email: "a@example.test",
      emailVerified: true,
    });
    expect(identityFromProfile({ email: "a@example.test" }, {}).emailVerified).toBe(false);
    expect(identityFromProfile({ email: "a@example.test" }, { email_verified: false }).emailVerified).toBe(false);
    expect(identityFromProfile({ email: "not an email" }, { email_verified: true })).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });

  it("takes GitHub's login or OIDC's preferred_username, and only http(s) pictures", () => {
    expect(identityFromProfile({}, { login: "octocat" }).login).toBe("octocat");
    expect(identityFromProfile({}, { preferred_username: "jdoe" }).login).toBe("jdoe");
    expect(identityFromProfile({ image: "javascript:alert(1)" }).image).toBeNull();
  });
});

describe("configuration", () => {
  const base = { NODE_ENV: "development" } as NodeJS.ProcessEnv;

  it("needs both halves of a provider's credentials", () => {
    expect(() => parseEnv({ ...base, GOOGLE_CLIENT_ID: "id" })).toThrow(
      /GOOGLE_CLIENT_SECRET: is required when GOOGLE_CLIENT_ID is set/,
    );
    expect(() => parseEnv({ ...base, OAUTH_TEST_ISSUER: "http://127.0.0.1:9" })).toThrow(
      /OAUTH_TEST_CLIENT_ID: is required/,
    );
    const env = parseEnv({ ...base, GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret", GOOGLE_CLIENT_ID: "" });
    expect(env.GITHUB_CLIENT_ID).toBe("id");
    expect(env.GOOGLE_CLIENT_ID).toBeUndefined();
    expect(configuredOAuthProviders(env)).toEqual([{ id: "github", name: "GitHub" }]);
    expect(configuredOAuthProviders(parseEnv(base))).toEqual([]);
  });
});
