// Nobody learns from sign-in, sign-up or password reset whether an email address has an account:
// the caller gets the same answer either way, and only the address's owner hears about it, by
// mail. (accounts-core.test.ts covers a wrong password vs an unknown account; sign-up-answer.test.ts
// compares the sign-up form's whole answer; these are the rest.)
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { register } from "@/lib/auth/registration";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { findMail, listMail } from "../support/mailbox";

const stack = inject("stack");
afterAll(() => disconnectDb());

const PASSWORD = "amber-kettle-meadow";
const SIGN_UP_ATTEMPT = "Someone tried to sign up to Roomful with your email";
const VERIFY = "Confirm your email for Roomful";
const RESET = "Reset your Roomful password";

let hash: Promise<string> | undefined;

function identity(prefix = "e") {
  const id = randomUUID().replace(/-/g, "").slice(0, 10);
  return { email: `${prefix}${id}@example.test`, username: `${prefix}_${id}`, name: "Enum Test" };
}

/** An account in the given state, with PASSWORD unless it signs in only through OAuth. */
async function account(state: { verified?: boolean; deactivated?: boolean; oauthOnly?: boolean } = {}) {
  const who = identity();
  hash ??= hashPassword(PASSWORD);
  const { id } = await createUser({
    ...who,
    passwordHash: state.oauthOnly ? null : await hash,
    emailVerifiedAt: state.verified === false ? null : new Date(),
  });
  if (state.deactivated) await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
  return { id, ...who };
}

let ipCounter = 0;
/** A fresh client address per call, so that per-IP limits never mix tests. */
function ip(): string {
  ipCounter += 1;
  return `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

async function subjectsTo(address: string): Promise<string[]> {
  return (await listMail(stack.mailApiUrl))
    .filter((m) => m.to.some((t) => t.address === address))
    .map((m) => m.subject);
}

describe("sign-in", () => {
  it("answers 'invalid' for an unknown address and for every kind of existing account with a wrong password", async () => {
    const unknown = await signInWithPassword({ identifier: identity().email, password: "wrong-password-1" }, ip());
    expect(unknown).toEqual({ ok: false, error: "invalid" });
    const accounts = {
      unverified: await account({ verified: false }),
      deactivated: await account({ deactivated: true }),
      oauthOnly: await account({ oauthOnly: true }),
    };
    for (const [kind, a] of Object.entries(accounts)) {
      for (const identifier of [a.email, a.username]) {
        expect({ kind, result: await signInWithPassword({ identifier, password: "wrong-password-1" }, ip()) }).toEqual({
          kind,
          result: unknown,
        });
      }
    }
    // An OAuth-only account has no password to guess, whatever is typed.
    expect(await signInWithPassword({ identifier: accounts.oauthOnly.email, password: "" }, ip())).toEqual(unknown);
  });

  it("locks an unknown address after as many failures as an existing one, with the same answer", async () => {
    const existing = await account();
    const unknownEmail = identity().email;
    const lockedAnswer = async (identifier: string) => {
      for (let i = 0; i < 10; i++) {
        expect(await signInWithPassword({ identifier, password: `wrong-${i}-password` }, ip())).toEqual({
          ok: false,
          error: "invalid",
        });
      }
      const locked = await signInWithPassword({ identifier, password: PASSWORD }, ip());
      expect(locked).toMatchObject({ ok: false, error: "rate_limited" });
      return locked.ok === false && locked.error === "rate_limited" ? locked.retryAfterSeconds : -1;
    };
    const existingWait = await lockedAnswer(existing.email);
    const unknownWait = await lockedAnswer(unknownEmail);
    expect(Math.abs(existingWait - unknownWait)).toBeLessThan(30);
  });
});

describe("sign-up", () => {
  it("completes without an error for a taken address, and mails its owner instead of a verification link", async () => {
    const owner = await account();
    const before = await db.user.findUniqueOrThrow({ where: { id: owner.id } });
    const fresh = identity();

    const attempt = {
      ...identity(),
      email: `  ${owner.email.toUpperCase()} `,
      password: "another-secret-pass",
      confirmPassword: "another-secret-pass",
    };
    await expect(register(attempt, ip())).resolves.toBeUndefined();
    await expect(
      register({ ...fresh, password: "another-secret-pass", confirmPassword: "another-secret-pass" }, ip()),
    ).resolves.toBeUndefined();

    // Both calls returned normally; what reaches the inboxes differs.
    await findMail(stack.mailApiUrl, owner.email, SIGN_UP_ATTEMPT);
    await findMail(stack.mailApiUrl, fresh.email, VERIFY);
    expect(await subjectsTo(owner.email)).toEqual([SIGN_UP_ATTEMPT]);
    expect(await subjectsTo(fresh.email)).toEqual([VERIFY]);

    // Nothing about the existing account changed, and no second account appeared.
    expect(await db.user.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(before);
    expect(await db.user.count({ where: { username: attempt.username } })).toBe(0);
  });

  it("answers the same for a deactivated account's address", async () => {
    const owner = await account({ deactivated: true });
    const attempt = {
      ...identity(),
      email: owner.email,
      password: "another-secret-pass",
      confirmPassword: "another-secret-pass",
    };
    await expect(register(attempt, ip())).resolves.toBeUndefined();
  });
});

describe("password reset", () => {
  it("resolves the same way for known, unknown and deactivated addresses; only the known one gets a link", async () => {
    const known = await account();
    const deactivated = await account({ deactivated: true });
    const unknownEmail = identity().email;

    const answers = [
      await requestPasswordReset(unknownEmail, ip()),
      await requestPasswordReset(deactivated.email, ip()),
      await requestPasswordReset(known.email, ip()),
    ];
    expect(answers).toEqual([undefined, undefined, undefined]);

    await findMail(stack.mailApiUrl, known.email, RESET);
    expect(await subjectsTo(known.email)).toEqual([RESET]);
    expect(await subjectsTo(unknownEmail)).toEqual([]);
    expect(await subjectsTo(deactivated.email)).toEqual([]);
  });

  it("stays silent past the per-address limit too", async () => {
    const known = await account();
    for (let i = 0; i < 5; i++) await expect(requestPasswordReset(known.email, ip())).resolves.toBeUndefined();
    await findMail(stack.mailApiUrl, known.email, RESET);
    expect(await subjectsTo(known.email)).toEqual([RESET, RESET, RESET]);
  });
});
