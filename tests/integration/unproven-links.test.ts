// OAuth pre-account hijack (issue: someone signs up through a provider with an address that is not theirs, then the
// owner arrives): an unconfirmed provider address never opens an account, and provider sign-ins linked before an
// address was proven are removed, with the sessions they opened, when its owner proves it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { confirmEmail } from "@/lib/auth/email-verification";
import { resolveOAuthSignIn, type OAuthIdentity } from "@/lib/auth/oauth";
import { resetPassword } from "@/lib/auth/password-reset";
import { issueToken } from "@/lib/auth/tokens";
import { createUserWithAccount, listLinkedProviders } from "@/lib/db/accounts";
import { db, disconnectDb } from "@/lib/db/client";
import { findMail } from "../support/mailbox";

const stack = inject("stack");
afterAll(() => disconnectDb());

const n = () => randomUUID().slice(0, 8);

function identity(overrides: Partial<OAuthIdentity> = {}): OAuthIdentity {
  return {
    email: `victim-${n()}@example.test`,
    emailVerified: true,
    name: "Someone",
    image: null,
    login: null,
    ...overrides,
  };
}

/** An account as OAuth sign-up made them before this fix: the provider's unconfirmed address, linked. */
async function claimedBeforeTheFix(email: string) {
  const user = await createUserWithAccount({
    user: { email, username: `u${n()}`, name: "Claimer", image: null, emailVerifiedAt: null },
    account: { provider: "oidc-test", type: "oauth", providerAccountId: `sub-${n()}`, scope: null, token_type: null },
  });
  return user;
}

const sessionVersion = async (id: string) =>
  (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("an address the provider has not confirmed", () => {
  it("opens no account and claims nothing", async () => {
    const who = identity({ emailVerified: false });
    const outcome = await resolveOAuthSignIn({
      account: { provider: "oidc-test", type: "oauth", providerAccountId: `sub-${n()}`, scope: null, token_type: null },
      identity: who,
      linkingUserId: null,
    });
    expect(outcome).toBe("/login?error=oauth-email-unverified&provider=Test+OIDC");
    expect(await db.user.count({ where: { email: who.email ?? "" } })).toBe(0);
  });
});

describe("when the owner proves the address", () => {
  it("a password reset removes links made while it was unconfirmed, ends their sessions and tells the owner", async () => {
    const email = `owner-${n()}@example.test`;
    const user = await claimedBeforeTheFix(email);
    const before = await sessionVersion(user.id);
    const token = await issueToken({ userId: user.id, kind: "PASSWORD_RESET" });
    expect(await resetPassword(token, "a long and unusual passphrase 42")).toEqual({ ok: true });
    expect(await listLinkedProviders({ userId: user.id })).toEqual([]);
    expect(await sessionVersion(user.id)).toBeGreaterThan(before);
    const mail = await findMail(stack.mailApiUrl, email, "We removed sign-ins added before you confirmed your address");
    expect(mail.text).toContain("Test OIDC");
  });

  it("confirming the address does the same", async () => {
    const email = `owner-${n()}@example.test`;
    const user = await claimedBeforeTheFix(email);
    const token = await issueToken({ userId: user.id, kind: "EMAIL_VERIFICATION", email });
    expect(await confirmEmail(token)).toEqual({ ok: true, email });
    expect(await listLinkedProviders({ userId: user.id })).toEqual([]);
    await findMail(stack.mailApiUrl, email, "We removed sign-ins added before you confirmed your address");
  });

  it("leaves the links of an account whose address was already confirmed", async () => {
    const email = `owner-${n()}@example.test`;
    const user = await claimedBeforeTheFix(email);
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    const token = await issueToken({ userId: user.id, kind: "PASSWORD_RESET" });
    expect(await resetPassword(token, "a long and unusual passphrase 42")).toEqual({ ok: true });
    expect(await listLinkedProviders({ userId: user.id })).toEqual(["oidc-test"]);
  });
});
