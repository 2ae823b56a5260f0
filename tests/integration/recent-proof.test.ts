// Sensitive changes need recent proof (issue 15, item 4): changing the email, setting a first password, unlinking a
// provider and deleting the account ask for the current password, or, on an account without one, a sign-in on this
// device in the last few minutes. Refused changes change nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  resendEmailChangeAction,
} from "@/app/(main)/settings/actions";
import { unlinkAccountAction } from "@/app/(main)/settings/linked-accounts-actions";
import { beginDeviceSession } from "@/lib/auth/device-sessions";
import { hashPassword } from "@/lib/auth/password";
import { RECENT_PROOF_MINUTES } from "@/lib/auth/recent-proof";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { initialFormState } from "@/lib/form-state";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

afterAll(() => disconnectDb());
beforeEach(() => {
  fuzzScope.token = undefined;
  // A fresh address per test: the password check's limit also counts per IP elsewhere.
  fuzzScope.ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
});

const PASSWORD = "correct horse battery staple";

function form(fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function withPassword() {
  const username = `prf_${randomBytes(4).toString("hex")}`;
  return createUser({
    email: `${username}@example.test`,
    username,
    name: "Proof Tester",
    passwordHash: await hashPassword(PASSWORD),
    emailVerifiedAt: new Date(),
  }).then((user) => ({ ...user, username }));
}

/** A member who signs in with providers only (GitHub and Google linked). */
async function providerOnly() {
  const username = `prv_${randomBytes(4).toString("hex")}`;
  const user = await createUser({
    email: `${username}@example.test`,
    username,
    name: "Provider Tester",
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
  for (const provider of ["github", "google"]) {
    await db.account.create({
      data: { userId: user.id, type: "oauth", provider, providerAccountId: `${provider}-${username}` },
    });
  }
  return { ...user, username };
}

/** Signs the scope in as `user`, on a device whose last sign-in was `minutesAgo` ago. */
async function signedIn(user: { id: string }, minutesAgo: number) {
  fuzzScope.token = await sessionTokenFor(user);
  await db.userSession.updateMany({
    where: { userId: user.id },
    data: { provedAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

const pendingEmails = (userId: string) =>
  db.oneTimeToken.count({ where: { userId, kind: "EMAIL_VERIFICATION", usedAt: null } });
const STALE = RECENT_PROOF_MINUTES + 1;

describe("an account with a password", () => {
  it("changes its email only with the current password", async () => {
    const user = await withPassword();
    await signedIn(user, 0);
    const email = `new_${user.username}@example.test`;

    const missing = await changeEmailAction(initialFormState, form({ email }));
    expect(missing).toMatchObject({ status: "error", fields: { currentPassword: "Enter your current password." } });
    const wrong = await changeEmailAction(initialFormState, form({ email, currentPassword: "not it at all" }));
    expect(wrong).toMatchObject({ status: "error", fields: { currentPassword: "That is not your current password." } });
    expect(await pendingEmails(user.id)).toBe(0);

    const done = await changeEmailAction(initialFormState, form({ email, currentPassword: PASSWORD }));
    expect(done).toMatchObject({ status: "success" });
    expect(await pendingEmails(user.id)).toBe(1);

    // Sending the same link again needs no second proof, and goes only to the address already proved for.
    expect(await resendEmailChangeAction(initialFormState, form())).toMatchObject({ status: "success" });
    expect(await db.oneTimeToken.findFirst({ where: { userId: user.id, usedAt: null } })).toMatchObject({ email });
  });

  it("unlinks a provider only with the current password", async () => {
    const user = await withPassword();
    await db.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: `gh-${user.username}` },
    });
    await signedIn(user, 0);
    const refused = await unlinkAccountAction(initialFormState, form({ provider: "github", currentPassword: "nope" }));
    expect(refused).toMatchObject({
      status: "error",
      fields: { currentPassword: "That is not your current password." },
    });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(1);

    const done = await unlinkAccountAction(initialFormState, form({ provider: "github", currentPassword: PASSWORD }));
    expect(done).toMatchObject({ status: "success" });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);
  });

  it("is not deleted without the current password, however recent the sign-in", async () => {
    const user = await withPassword();
    await signedIn(user, 0);
    const refused = await deleteAccountAction(initialFormState, form({ confirmation: user.username }));
    expect(refused).toMatchObject({ status: "error", fields: { confirmation: "That is not your current password." } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });
});

describe("an account that signs in with providers only", () => {
  const reauth = { status: "error", message: expect.stringContaining("confirm it's you") };

  it("changes nothing sensitive when this device's sign-in is not recent", async () => {
    const user = await providerOnly();
    await signedIn(user, STALE);

    const email = await changeEmailAction(initialFormState, form({ email: `x_${user.username}@example.test` }));
    expect(email).toMatchObject(reauth);
    expect(await pendingEmails(user.id)).toBe(0);

    const first = "a first password for me";
    const password = await changePasswordAction(initialFormState, form({ password: first, confirmPassword: first }));
    expect(password).toMatchObject(reauth);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBeNull();

    const unlink = await unlinkAccountAction(initialFormState, form({ provider: "github" }));
    expect(unlink).toMatchObject(reauth);
    expect(await db.account.count({ where: { userId: user.id } })).toBe(2);

    const deletion = await deleteAccountAction(initialFormState, form({ confirmation: user.username }));
    expect(deletion).toMatchObject(reauth);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it("makes them after a fresh sign-in with the provider on this device", async () => {
    const user = await providerOnly();
    await signedIn(user, STALE);
    // Signing in again with the provider on this device (next-auth's jwt callback) renews the proof.
    await beginDeviceSession({ userId: user.id, method: "github" });

    expect(await unlinkAccountAction(initialFormState, form({ provider: "google" }))).toMatchObject({
      status: "success",
    });
    const first = "a first password for me";
    expect(
      await changePasswordAction(initialFormState, form({ password: first, confirmPassword: first })),
    ).toMatchObject({ status: "success" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).not.toBeNull();
  });

  it("deletes the account after a fresh sign-in, with the username typed", async () => {
    const user = await providerOnly();
    await signedIn(user, 1);
    const wrongName = await deleteAccountAction(initialFormState, form({ confirmation: "someone_else" }));
    expect(wrongName).toMatchObject({ status: "error", fields: { confirmation: "That is not your username." } });
    await expect(deleteAccountAction(initialFormState, form({ confirmation: user.username }))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });
});
