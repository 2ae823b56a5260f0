// Security issue 15: once a new address is confirmed, the old one is told, with a link that undoes the change, against
// the real database and mail catcher. The link is single use (also when two submits race), lasts 7 days, only its
// POST changes anything, and it refuses an address another account has taken since.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it, vi } from "vitest";

// The action reads the caller's address through next/headers: the fuzz tests' request scope stands in for Next's.
vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import nodemailer from "nodemailer";
import { undoEmailChangeAction } from "@/app/(auth)/undo-email-change/actions";
import { inspectUndoLink, undoEmailChange } from "@/lib/auth/email-change-undo";
import { confirmEmail } from "@/lib/auth/email-verification";
import { LIMITS } from "@/lib/auth/rate-limit";
import { consumeToken, hashToken, issueToken } from "@/lib/auth/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";
import { initialFormState } from "@/lib/form-state";
import { log } from "@/lib/log";
import { maskEmail } from "@/lib/mail/mask-email";
import { findMail, listMail } from "../support/mailbox";
import { fuzzScope } from "../support/fuzz-scope";

const stack = inject("stack");
afterAll(() => disconnectDb());

const SUBJECT = "Your Roomful email was changed";
const DAY = 24 * 60 * 60 * 1000;
const n = () => randomUUID().replace(/-/g, "").slice(0, 10);
const undoTokenIn = (text: string) => /\/undo-email-change\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";

async function member({ verified = true } = {}) {
  const id = n();
  const email = `old-${id}@example.test`;
  const user = await createUser({
    email,
    username: `u_${id}`,
    name: "Changer",
    passwordHash: null,
    emailVerifiedAt: verified ? new Date() : null,
  });
  return { userId: user.id, oldEmail: email, newEmail: `new-${id}@example.test` };
}

/** Changes the member's address as Settings does: a verification link for the new one, opened. */
async function changeEmail(userId: string, email: string) {
  const token = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email });
  expect(await confirmEmail(token)).toEqual({ ok: true, email });
}

/** A member whose address just changed, and the undo token from the notice their old address received. */
async function changedMember() {
  const who = await member();
  await changeEmail(who.userId, who.newEmail);
  const mail = await findMail(stack.mailApiUrl, who.oldEmail, SUBJECT);
  return { ...who, mail, token: undoTokenIn(mail.text) };
}

const account = (id: string) =>
  db.user.findUniqueOrThrow({
    where: { id },
    select: { email: true, emailVerifiedAt: true, sessionVersion: true, updatedAt: true },
  });
const tokenRow = (token: string) => db.oneTimeToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
const mailsTo = async (address: string) =>
  (await listMail(stack.mailApiUrl)).filter((m) => m.to.some((t) => t.address === address));

describe("the notice to the old address", () => {
  it("goes out once the new address is confirmed, names it masked and carries a working undo link", async () => {
    const { userId, oldEmail, newEmail, mail, token } = await changedMember();
    expect(mail.text).toContain(`Your Roomful email was changed to ${maskEmail(newEmail)}.`);
    expect(mail.text).toContain("If this was you, there is nothing to do. If not, undo it");
    expect(mail.text).not.toContain(newEmail);
    expect(mail.html).toContain(`http://localhost:3000/undo-email-change?token=${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await tokenRow(token);
    expect(row).toMatchObject({ userId, kind: "EMAIL_CHANGE_UNDO", email: oldEmail, usedAt: null });
    expect(row.tokenHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(7 * DAY - 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(7 * DAY + 60_000);
    expect(await inspectUndoLink(token)).toEqual({ ok: true, maskedEmail: maskEmail(oldEmail) });
  });

  it("does not go to the new address", async () => {
    const { newEmail } = await changedMember();
    expect((await mailsTo(newEmail)).filter((m) => m.subject === SUBJECT)).toEqual([]);
  });

  it("is not sent when nothing changed, nor to an address that was never confirmed", async () => {
    // A first confirmation of the sign-up address changes nothing.
    const fresh = await member({ verified: false });
    await changeEmail(fresh.userId, fresh.oldEmail);
    // An unconfirmed address (a typo at sign-up) must not get a way to take the account.
    const typo = await member({ verified: false });
    await changeEmail(typo.userId, typo.newEmail);
    // Mail is sent before confirmEmail returns; a later change's notice arriving shows the catcher has caught up.
    const marker = await changedMember();
    expect(marker.token).not.toBe("");
    expect(await mailsTo(fresh.oldEmail)).toEqual([]);
    expect(await mailsTo(typo.oldEmail)).toEqual([]);
  });

  it("does not fail the confirmation when the mail server is down: the change is kept and the error logged", async () => {
    const { userId, newEmail } = await member();
    const mailer = globalThis as unknown as { roomfulMailer?: unknown };
    // A real transport to a port nobody listens on: the SMTP connection is refused.
    mailer.roomfulMailer = nodemailer.createTransport("smtp://127.0.0.1:1");
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    try {
      await changeEmail(userId, newEmail);
      expect(logged).toHaveBeenCalledWith(expect.anything(), "email-changed notice not sent");
    } finally {
      logged.mockRestore();
      mailer.roomfulMailer = undefined;
    }
    expect((await account(userId)).email).toBe(newEmail);
  });
});

describe("undoing", () => {
  it("restores the old address as verified, ends every session and retires the account's other open links", async () => {
    const { userId, oldEmail, token } = await changedMember();
    const before = await account(userId);
    const reset = await issueToken({ userId, kind: "PASSWORD_RESET" });
    const pendingChange = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: `x-${n()}@example.test` });

    expect(await undoEmailChange(token)).toEqual({ ok: true, maskedEmail: maskEmail(oldEmail) });
    const after = await account(userId);
    expect(after.email).toBe(oldEmail);
    expect(after.emailVerifiedAt).not.toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await tokenRow(token)).usedAt).not.toBeNull();
    expect(await consumeToken(reset, "PASSWORD_RESET")).toEqual({ ok: false, reason: "used" });
    expect(await consumeToken(pendingChange, "EMAIL_VERIFICATION")).toEqual({ ok: false, reason: "used" });
  });

  it("works once: a second use is refused and changes nothing", async () => {
    const { userId, token } = await changedMember();
    expect(await undoEmailChange(token)).toMatchObject({ ok: true });
    const once = await account(userId);
    expect(await undoEmailChange(token)).toEqual({ ok: false, reason: "used" });
    expect(await inspectUndoLink(token)).toEqual({ ok: false, reason: "used" });
    expect(await account(userId)).toEqual(once);
  });

  it("lets exactly one of two concurrent submits win, and ends the sessions once", async () => {
    // Several rounds, so that both submits read the unused token before either claims it.
    for (let round = 0; round < 6; round++) {
      const { userId, oldEmail, token } = await changedMember();
      const before = await account(userId);
      const results = await Promise.all([undoEmailChange(token), undoEmailChange(token)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
      const after = await account(userId);
      expect(after.email).toBe(oldEmail);
      expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    }
  });

  it("works for 7 days and is refused as expired after, without changing anything", async () => {
    const { userId, newEmail, token } = await changedMember();
    const issued = (await tokenRow(token)).createdAt.getTime();
    const before = await account(userId);
    for (const late of [new Date(issued + 7 * DAY), new Date(issued + 30 * DAY)]) {
      expect(await inspectUndoLink(token, late)).toEqual({ ok: false, reason: "expired" });
      expect(await undoEmailChange(token, late)).toEqual({ ok: false, reason: "expired" });
    }
    expect(await account(userId)).toEqual(before);
    expect((await account(userId)).email).toBe(newEmail);
    expect((await tokenRow(token)).usedAt).toBeNull();
    expect(await undoEmailChange(token, new Date(issued + 7 * DAY - 60_000))).toMatchObject({ ok: true });
  });

  it("refuses unknown, tampered, malformed and other kinds of tokens alike, without changing anything", async () => {
    const { userId, token } = await changedMember();
    const before = await account(userId);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    const reset = await issueToken({ userId, kind: "PASSWORD_RESET" });
    const verification = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: `y-${n()}@example.test` });
    for (const bad of ["A".repeat(43), flipped, token.slice(1), `${token}=`, "", undefined, 42, reset, verification]) {
      expect(await inspectUndoLink(bad)).toEqual({ ok: false, reason: "invalid" });
      expect(await undoEmailChange(bad)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await account(userId)).toEqual(before);
    // None of those spent the real link, nor the other kinds' tokens.
    expect(await consumeToken(reset, "PASSWORD_RESET")).toMatchObject({ ok: true });
    expect(await undoEmailChange(token)).toMatchObject({ ok: true });
  });

  it("refuses when another account has taken the old address since, and changes nothing", async () => {
    const { userId, oldEmail, token } = await changedMember();
    const other = await createUser({ email: oldEmail, username: `o_${n()}`, name: "Other", passwordHash: null });
    const before = await account(userId);
    const othersBefore = await account(other.id);

    expect(await undoEmailChange(token)).toEqual({ ok: false, reason: "taken" });
    expect(await account(userId)).toEqual(before);
    expect(await account(other.id)).toEqual(othersBefore);
    // The link is not spent: it works if the address is free again within the week.
    expect((await tokenRow(token)).usedAt).toBeNull();
    await db.user.delete({ where: { id: other.id } });
    expect(await undoEmailChange(token)).toMatchObject({ ok: true });
  });

  it("keeps an earlier change's undo working after a later change, and the earlier undo retires the later one", async () => {
    const { userId, oldEmail, newEmail, token: first } = await changedMember();
    const third = `third-${n()}@example.test`;
    await changeEmail(userId, third);
    const second = undoTokenIn((await findMail(stack.mailApiUrl, newEmail, SUBJECT)).text);

    // Whoever changed it twice undoes their own second change: the first owner's link still works after.
    expect(await undoEmailChange(second)).toMatchObject({ ok: true });
    expect((await account(userId)).email).toBe(newEmail);
    expect(await undoEmailChange(first)).toMatchObject({ ok: true });
    expect((await account(userId)).email).toBe(oldEmail);

    // The other way round, the later change's link dies with the earlier undo.
    const again = await changedMember();
    await changeEmail(again.userId, `third-${n()}@example.test`);
    const later = undoTokenIn((await findMail(stack.mailApiUrl, again.newEmail, SUBJECT)).text);
    expect(await undoEmailChange(again.token)).toMatchObject({ ok: true });
    expect(await undoEmailChange(later)).toEqual({ ok: false, reason: "used" });
    expect((await account(again.userId)).email).toBe(again.oldEmail);
  });
});

describe("the page's data function (what a GET of the link runs)", () => {
  it("describes the link without changing anything", async () => {
    const { userId, oldEmail, token } = await changedMember();
    const before = await account(userId);
    const rowBefore = await tokenRow(token);
    for (let i = 0; i < 3; i++)
      expect(await inspectUndoLink(token)).toEqual({ ok: true, maskedEmail: maskEmail(oldEmail) });
    expect(await account(userId)).toEqual(before);
    expect(await tokenRow(token)).toEqual(rowBefore);
  });
});

describe("the page's action", () => {
  const submit = (token: unknown) => {
    const form = new FormData();
    if (typeof token === "string") form.set("token", token);
    return undoEmailChangeAction(initialFormState, form);
  };

  it("undoes, then answers the link's problems as such", async () => {
    fuzzScope.ip = "203.0.113.1";
    const { userId, oldEmail, token } = await changedMember();
    expect(await submit(token)).toEqual({ status: "success", maskedEmail: maskEmail(oldEmail) });
    expect((await account(userId)).email).toBe(oldEmail);
    expect(await submit(token)).toEqual({ status: "error", problem: "used" });
    expect(await submit("not a token")).toEqual({ status: "error", problem: "invalid" });
    expect(await submit(undefined)).toEqual({ status: "error", problem: "invalid" });
  });

  it("limits submissions per IP address", async () => {
    fuzzScope.ip = "203.0.113.250";
    for (let i = 0; i < LIMITS.emailChangeUndoIp.points; i++) {
      expect(await submit("A".repeat(43))).toEqual({ status: "error", problem: "invalid" });
    }
    const { userId, newEmail, token } = await changedMember();
    expect(await submit(token)).toMatchObject({ status: "error", message: expect.stringMatching(/Too many attempts/) });
    expect((await account(userId)).email).toBe(newEmail);
    fuzzScope.ip = "203.0.113.251";
    expect(await submit(token)).toMatchObject({ status: "success" });
  });
});

describe("maskEmail", () => {
  it("keeps the first character and the domain", () => {
    expect(maskEmail("new.name@example.com")).toBe("n•••@example.com");
    expect(maskEmail("o@old.com")).toBe("o•••@old.com");
    expect(maskEmail("😀x@example.com")).toBe("😀•••@example.com");
  });
});
