// The account core against the real database and mail catcher: sign-up, the verification link,
// password sign-in with its limits.
import { randomUUID } from "node:crypto";
import { inject, afterAll, describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/credentials";
import { confirmEmail } from "@/lib/auth/email-verification";
import { register } from "@/lib/auth/registration";
import { db, disconnectDb } from "@/lib/db/client";
import { findSessionUser } from "@/lib/db/users";
import { findMail } from "../support/mailbox";

const stack = inject("stack");
afterAll(() => disconnectDb());

function newMember() {
  const id = randomUUID().slice(0, 8);
  return {
    email: `m${id}@example.test`,
    username: `m_${id}`,
    name: "New Member",
    password: "correct horse battery",
    confirmPassword: "correct horse battery",
  };
}

describe("sign-up and verification", () => {
  it("creates an unverified member and mails a link that verifies them once", async () => {
    const input = newMember();
    await register(input, "10.0.0.1");
    const { id: userId } = await db.user.findUniqueOrThrow({ where: { email: input.email }, select: { id: true } });
    expect((await findSessionUser({ id: userId }))?.emailVerified).toBe(false);

    const mail = await findMail(stack.mailApiUrl, input.email, "Confirm your email for Roomful");
    const token = /verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1] ?? "";
    expect(await confirmEmail(token)).toEqual({ ok: true, email: input.email });
    expect((await findSessionUser({ id: userId }))?.emailVerified).toBe(true);
    expect(await confirmEmail(token)).toEqual({ ok: false, reason: "used" });
  });

  it("refuses a common password and a taken username with field errors", async () => {
    await expect(
      register({ ...newMember(), password: "password123", confirmPassword: "password123" }, "10.0.0.2"),
    ).rejects.toMatchObject({
      fields: { password: expect.stringContaining("too common") },
    });
    const first = newMember();
    await register(first, "10.0.0.2");
    await expect(register({ ...newMember(), username: first.username }, "10.0.0.2")).rejects.toMatchObject({
      fields: { username: "This username is taken. Try another." },
    });
  });
});

describe("password sign-in", () => {
  it("signs in by email or username and refuses a wrong password like an unknown account", async () => {
    const input = newMember();
    await register(input, "10.0.1.1");
    expect(
      await signInWithPassword({ identifier: input.email.toUpperCase(), password: input.password }, "10.0.1.1"),
    ).toMatchObject({ ok: true });
    expect(
      await signInWithPassword({ identifier: input.username, password: input.password }, "10.0.1.1"),
    ).toMatchObject({ ok: true });
    const wrong = await signInWithPassword({ identifier: input.email, password: "nope nope nope" }, "10.0.1.1");
    const unknown = await signInWithPassword(
      { identifier: "nobody@example.test", password: "nope nope nope" },
      "10.0.1.1",
    );
    expect(wrong).toEqual({ ok: false, error: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("locks an account after 10 failures within 15 minutes, even for the right password", async () => {
    const input = newMember();
    await register(input, "10.0.2.1");
    for (let i = 0; i < 10; i++) {
      expect(
        await signInWithPassword({ identifier: input.username, password: `wrong-${i}-password` }, `10.0.2.${i + 2}`),
      ).toMatchObject({ error: "invalid" });
    }
    const locked = await signInWithPassword({ identifier: input.username, password: input.password }, "10.0.2.99");
    expect(locked).toMatchObject({ ok: false, error: "rate_limited" });
    expect(locked.ok === false && locked.error === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(800);
  });
});
