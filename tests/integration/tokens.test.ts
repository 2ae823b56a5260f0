// One-time tokens (email verification, password reset) against the real database: only a hash is
// stored, they expire after 24 h / 1 h, they work once (also when two requests race), a token of
// another kind is "invalid", and a newer token retires the older ones.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { consumeToken, hashToken, issueToken, TOKEN_TTL_MS } from "@/lib/auth/tokens";
import { db, disconnectDb } from "@/lib/db/client";
import { createUser } from "@/lib/db/users";

afterAll(() => disconnectDb());

const HOUR = 60 * 60 * 1000;

async function newUser(): Promise<string> {
  const id = randomUUID().replace(/-/g, "").slice(0, 10);
  const user = await createUser({
    email: `t${id}@example.test`,
    username: `t_${id}`,
    name: "Token Holder",
    passwordHash: null,
  });
  return user.id;
}

describe("storage", () => {
  it("stores the SHA-256 of the token, never the token itself", async () => {
    const userId = await newUser();
    const token = await issueToken({ userId, kind: "PASSWORD_RESET" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await db.oneTimeToken.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const sha256 = createHash("sha256").update(token).digest("hex");
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).toBe(sha256);
    expect(hashToken(token)).toBe(sha256);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("keeps the address being verified with a verification token", async () => {
    const userId = await newUser();
    const token = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: "new-address@example.test" });
    expect(await consumeToken(token, "EMAIL_VERIFICATION")).toEqual({
      ok: true,
      userId,
      email: "new-address@example.test",
    });
  });
});

describe("expiry", () => {
  it("gives verification links 24 hours and reset links 1 hour", async () => {
    expect(TOKEN_TTL_MS).toEqual({
      EMAIL_VERIFICATION: 24 * HOUR,
      PASSWORD_RESET: HOUR,
      EMAIL_CHANGE_UNDO: 7 * 24 * HOUR,
    });
    const userId = await newUser();
    const now = new Date("2026-03-01T12:00:00Z");
    await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: "x@example.test", now });
    await issueToken({ userId, kind: "PASSWORD_RESET", now });
    const rows = await db.oneTimeToken.findMany({ where: { userId }, select: { kind: true, expiresAt: true } });
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.expiresAt.getTime() - now.getTime()]))).toEqual({
      EMAIL_VERIFICATION: 24 * HOUR,
      PASSWORD_RESET: HOUR,
    });
  });

  it("works until the last moment and is expired from then on", async () => {
    const userId = await newUser();
    const now = new Date();
    const early = await issueToken({ userId, kind: "PASSWORD_RESET", now });
    expect(await consumeToken(early, "PASSWORD_RESET", new Date(now.getTime() + HOUR - 1000))).toMatchObject({
      ok: true,
    });

    const late = await issueToken({ userId, kind: "PASSWORD_RESET", now });
    expect(await consumeToken(late, "PASSWORD_RESET", new Date(now.getTime() + HOUR))).toEqual({
      ok: false,
      reason: "expired",
    });
    // An expired token is not claimed by the failed attempt.
    expect((await db.oneTimeToken.findUnique({ where: { tokenHash: hashToken(late) } }))?.usedAt).toBeNull();
  });
});

describe("single use", () => {
  it("answers 'used' the second time", async () => {
    const token = await issueToken({ userId: await newUser(), kind: "PASSWORD_RESET" });
    expect(await consumeToken(token, "PASSWORD_RESET")).toMatchObject({ ok: true });
    expect(await consumeToken(token, "PASSWORD_RESET")).toEqual({ ok: false, reason: "used" });
  });

  it("lets exactly one of two concurrent claims win", async () => {
    // Several rounds, so that both requests read the unused row before either claims it.
    for (let round = 0; round < 8; round++) {
      const userId = await newUser();
      const token = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: "race@example.test" });
      const results = await Promise.all([
        consumeToken(token, "EMAIL_VERIFICATION"),
        consumeToken(token, "EMAIL_VERIFICATION"),
      ]);
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, userId, email: "race@example.test" }]);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "used" }]);
    }
  });
});

describe("kinds and unknown tokens", () => {
  it("calls a token of the other kind 'invalid' without spending it", async () => {
    const userId = await newUser();
    const reset = await issueToken({ userId, kind: "PASSWORD_RESET" });
    expect(await consumeToken(reset, "EMAIL_VERIFICATION")).toEqual({ ok: false, reason: "invalid" });
    expect(await consumeToken(reset, "PASSWORD_RESET")).toMatchObject({ ok: true, userId });
  });

  it("calls an unknown or malformed token 'invalid'", async () => {
    for (const token of ["A".repeat(43), "", "not a token at all"]) {
      expect(await consumeToken(token, "PASSWORD_RESET")).toEqual({ ok: false, reason: "invalid" });
    }
  });
});

describe("a newer token", () => {
  it("retires the user's older unused tokens of the same kind only", async () => {
    const userId = await newUser();
    const otherUserId = await newUser();
    const first = await issueToken({ userId, kind: "PASSWORD_RESET" });
    const verification = await issueToken({ userId, kind: "EMAIL_VERIFICATION", email: "keep@example.test" });
    const someoneElses = await issueToken({ userId: otherUserId, kind: "PASSWORD_RESET" });
    const second = await issueToken({ userId, kind: "PASSWORD_RESET" });

    expect(await consumeToken(first, "PASSWORD_RESET")).toEqual({ ok: false, reason: "used" });
    expect(await consumeToken(second, "PASSWORD_RESET")).toMatchObject({ ok: true, userId });
    expect(await consumeToken(verification, "EMAIL_VERIFICATION")).toMatchObject({ ok: true, userId });
    expect(await consumeToken(someoneElses, "PASSWORD_RESET")).toMatchObject({ ok: true, userId: otherUserId });
  });
});
