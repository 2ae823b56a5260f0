// The per-account sign-in limit holds under a burst: a point is taken before the password is checked (atomically, in
// PostgreSQL), so 50 concurrent wrong guesses get exactly the limit's 10 checks; the rest are refused unchecked. A
// right password gives its point back. argon2 verifications are counted through a wrapper around lib/auth/password.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const verifications = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      verifications.count += 1;
      return original.verifyPassword(hash, password);
    },
  };
});

const { signInWithPassword } = await import("@/lib/auth/credentials");
const { hashPassword } = await import("@/lib/auth/password");
const { LIMITS } = await import("@/lib/auth/rate-limit");
const { db, disconnectDb } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/db/users");

afterAll(() => disconnectDb());
beforeEach(() => {
  verifications.count = 0;
});

const PASSWORD = "amber-kettle-meadow";
const LIMIT = LIMITS.signInAccount.points;
let hash: Promise<string> | undefined;

async function account() {
  const tag = randomUUID().replace(/-/g, "").slice(0, 10);
  hash ??= hashPassword(PASSWORD);
  const who = { email: `lim${tag}@example.test`, username: `lim_${tag}`, name: "Limit Test" };
  const { id } = await createUser({ ...who, passwordHash: await hash, emailVerifiedAt: new Date() });
  return { id, ...who };
}

let ipCounter = 0;
/** A fresh address per call: only the per-account limit is under test. */
function ip(): string {
  ipCounter += 1;
  return `10.88.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

const errors = (results: Array<{ ok: boolean; error?: string }>) => results.map((r) => (r.ok ? "ok" : r.error)).sort();

describe("a burst of wrong passwords at one account", () => {
  it("gets the password checked at most `limit` times; every other attempt is refused unchecked", async () => {
    const target = await account();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        signInWithPassword({ identifier: target.username, password: `wrong-guess-${i}` }, ip()),
      ),
    );
    expect(verifications.count).toBe(LIMIT);
    expect(errors(results)).toEqual([
      ...Array<string>(LIMIT).fill("invalid"),
      ...Array<string>(50 - LIMIT).fill("rate_limited"),
    ]);
    // Locked: even the right password is not checked now.
    expect(await signInWithPassword({ identifier: target.username, password: PASSWORD }, ip())).toMatchObject({
      ok: false,
      error: "rate_limited",
    });
    expect(verifications.count).toBe(LIMIT);
  });
});

describe("points given back", () => {
  it("a right password forgives the account's failures and costs the address nothing", async () => {
    const target = await account();
    const address = ip();
    for (let i = 0; i < LIMIT - 1; i++) {
      expect(await signInWithPassword({ identifier: target.email, password: `nope-${i}-nope` }, ip())).toMatchObject({
        error: "invalid",
      });
    }
    expect(await signInWithPassword({ identifier: target.email, password: PASSWORD }, address)).toMatchObject({
      ok: true,
    });
    expect(await db.rateLimit.findUnique({ where: { key: `signInAccount:user:${target.id}` } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: `signInIp:${address}` } })).toMatchObject({ points: 0 });
  });

  it("counts the email and the username towards one limit per account", async () => {
    const target = await account();
    const guesses = Array.from({ length: LIMIT }, (_, i) =>
      signInWithPassword(
        { identifier: i % 2 ? target.email : target.username.toUpperCase(), password: `x-${i}-x-x` },
        ip(),
      ),
    );
    expect(new Set(errors(await Promise.all(guesses)))).toEqual(new Set(["invalid"]));
    expect(await signInWithPassword({ identifier: target.email, password: PASSWORD }, ip())).toMatchObject({
      error: "rate_limited",
    });
  });
});

describe("a signed-in member confirming their password (Settings)", () => {
  it("shares the sign-in limit and holds it under a burst", async () => {
    const { checkOwnPassword } = await import("@/lib/auth/credentials");
    const target = await account();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        checkOwnPassword({ userId: target.id, password: `wrong-${i}-guess`, field: "currentPassword" }).then(
          () => "ok",
          (e: { status?: number }) => String(e.status),
        ),
      ),
    );
    expect(verifications.count).toBe(LIMIT);
    expect(answers.sort()).toEqual([...Array<string>(LIMIT).fill("400"), ...Array<string>(30 - LIMIT).fill("429")]);
    expect(await signInWithPassword({ identifier: target.username, password: PASSWORD }, ip())).toMatchObject({
      error: "rate_limited",
    });
  });
});
