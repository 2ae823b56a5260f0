// Rate limits are counted in PostgreSQL so that every app instance shares them: a second copy
// of the module (as another instance would have) sees the same counter, concurrent hits are all
// counted, concurrent consumers never take more than the limit, and a window ends when its row's
// expiry has passed.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { AppError } from "@/lib/errors";
import * as instanceA from "@/lib/auth/rate-limit";

afterAll(() => disconnectDb());

// Another "app instance": the module evaluated again, with its own limiter objects.
vi.resetModules();
const instanceB = await import("@/lib/auth/rate-limit");

const { LIMITS } = instanceA;
const LIMIT = "passwordResetEmail" as const; // 3 per hour

function newKey(): string {
  return `${randomUUID()}@example.test`;
}

async function row(key: string) {
  return db.rateLimit.findUnique({ where: { key: `${LIMIT}:${key}` } });
}

/** Whether the next consume would be refused, as another instance sees it (taking nothing either way). */
async function full(instance: typeof instanceA, key: string): Promise<boolean> {
  const state = await instance.consume([[LIMIT, key]]);
  if (state.allowed) await instance.refund([[LIMIT, key]]);
  return !state.allowed;
}

describe("shared counters", () => {
  it("are two separate limiter objects over one row", () => {
    expect(instanceB.hit).not.toBe(instanceA.hit);
    expect(LIMITS[LIMIT]).toEqual({ points: 3, durationSeconds: 3600 });
  });

  it("count hits from both instances together", async () => {
    const key = newKey();
    expect(await instanceA.hit(LIMIT, key)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await instanceB.hit(LIMIT, key)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await instanceA.hit(LIMIT, key)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect((await row(key))?.points).toBe(3);

    const blocked = await instanceB.hit(LIMIT, key);
    expect(blocked.allowed).toBe(false);
    expect(blocked.retryAfterSeconds).toBeGreaterThan(3500);
    expect(blocked.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await full(instanceA, key)).toBe(true);
  });

  it("read the database, not a copy in memory", async () => {
    const key = newKey();
    await instanceA.hit(LIMIT, key);
    expect(await full(instanceB, key)).toBe(false);
    await db.rateLimit.update({ where: { key: `${LIMIT}:${key}` }, data: { points: 3 } });
    expect(await full(instanceA, key)).toBe(true);
    expect(await full(instanceB, key)).toBe(true);
  });

  it("count every one of many concurrent hits", async () => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).hit(LIMIT, key)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect((await row(key))?.points).toBe(12);
  });

  it("keep keys and limits apart", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await instanceA.hit(LIMIT, key);
    expect((await instanceA.hit(LIMIT, key)).allowed).toBe(false);
    expect((await instanceA.hit(LIMIT, newKey())).allowed).toBe(true);
    expect((await instanceA.hit("passwordResetIp", key)).allowed).toBe(true);
  });

  it("consume never takes more than the limit, however many ask at once", async () => {
    const key = newKey();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? instanceA : instanceB).consume([[LIMIT, key]])),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    const refused = results.find((r) => !r.allowed);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(3500);
    expect((await row(key))?.points).toBe(3);
  });

  it("a refused consume takes nothing, and gives back what it took from the limits before", async () => {
    const email = newKey();
    const ip = newKey();
    for (let i = 0; i < LIMITS.passwordResetIp.points; i++) await instanceA.hit("passwordResetIp", ip);
    const state = await instanceB.consume([
      [LIMIT, email],
      ["passwordResetIp", ip],
    ]);
    expect(state.allowed).toBe(false);
    expect((await row(email))?.points).toBe(0);
    expect((await db.rateLimit.findUnique({ where: { key: `passwordResetIp:${ip}` } }))?.points).toBe(20);
  });

  it("refund gives one point back, never below zero", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await instanceA.consume([[LIMIT, key]]);
    await instanceB.refund([[LIMIT, key]]);
    expect((await row(key))?.points).toBe(2);
    await db.rateLimit.update({ where: { key: `${LIMIT}:${key}` }, data: { points: 0 } });
    await instanceB.refund([[LIMIT, key]]);
    expect((await row(key))?.points).toBe(0);
  });
});

describe("windows", () => {
  it("free the key once the row's expiry has passed, and start counting afresh", async () => {
    const key = newKey();
    for (let i = 0; i < 4; i++) await instanceA.hit(LIMIT, key);
    expect(await full(instanceB, key)).toBe(true);

    await db.rateLimit.update({ where: { key: `${LIMIT}:${key}` }, data: { expire: new Date(Date.now() - 1000) } });
    expect(await full(instanceB, key)).toBe(false);
    expect(await instanceB.hit(LIMIT, key)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    const fresh = await row(key);
    expect(fresh?.points).toBe(1);
    expect(fresh?.expire?.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("refund leaves a window that has ended alone (its point is not owed to the next one)", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await instanceA.consume([[LIMIT, key]]);
    await db.rateLimit.update({ where: { key: `${LIMIT}:${key}` }, data: { expire: new Date(Date.now() - 1000) } });
    await instanceA.refund([[LIMIT, key]]);
    expect((await row(key))?.points).toBe(3);
    expect((await instanceA.consume([[LIMIT, key]])).allowed).toBe(true);
    expect((await row(key))?.points).toBe(1);
  });

  it("reset clears the key for every instance", async () => {
    const key = newKey();
    for (let i = 0; i < 4; i++) await instanceA.hit(LIMIT, key);
    await instanceB.reset(LIMIT, key);
    expect(await row(key)).toBeNull();
    expect(await full(instanceA, key)).toBe(false);
  });
});

describe("enforce", () => {
  it("throws a 429 AppError with Retry-After and a readable wait once over the limit", async () => {
    const key = newKey();
    for (let i = 0; i < 3; i++) await instanceA.enforce(LIMIT, key, "Too many reset requests.");
    const error = await instanceB.enforce(LIMIT, key, "Too many reset requests.").catch((e: unknown) => e);
    // The second module copy has its own AppError class; compare by shape.
    expect(error).toMatchObject({
      code: `rate_limited:${LIMIT}`,
      status: 429,
      message: "Too many reset requests. Try again in 60 minutes.",
    });
    expect((error as AppError).retryAfter).toBeGreaterThan(3500);
  });
});
