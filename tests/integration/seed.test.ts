// The sample data seeds an empty database with enough to look real, and seeding again adds nothing.
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { SEED_PASSWORD } from "@/prisma/seed-data";

afterAll(() => disconnectDb());

async function counts() {
  const [users, topics, rooms, participants, messages] = await Promise.all([
    db.user.count(),
    db.topic.count(),
    db.room.count(),
    db.participant.count(),
    db.message.count(),
  ]);
  return { users, topics, rooms, participants, messages };
}

describe("seed", () => {
  it("fills an empty database with the promised minimum", async () => {
    expect(await counts()).toEqual({ users: 0, topics: 0, rooms: 0, participants: 0, messages: 0 });
    await seed();
    const after = await counts();
    expect(after.topics).toBeGreaterThanOrEqual(6);
    expect(after.rooms).toBeGreaterThanOrEqual(12);
    expect(after.users).toBeGreaterThanOrEqual(4);
    expect(after.messages).toBeGreaterThanOrEqual(100);
  });

  it("creates an admin who can sign in with the printed password", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@roomful.local" } });
    expect(admin.role).toBe("ADMIN");
    expect(admin.emailVerifiedAt).not.toBeNull();
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin.passwordHash ?? "", SEED_PASSWORD)).toBe(true);
  });

  it("runs twice without duplicating anything", async () => {
    const before = await counts();
    const summary = await seed();
    expect(summary.messages).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it("keeps each room's latest activity equal to its newest message", async () => {
    const rooms = await db.room.findMany({
      select: { lastActivityAt: true, messages: { orderBy: { id: "desc" }, take: 1, select: { createdAt: true } } },
    });
    for (const room of rooms) expect(room.lastActivityAt).toEqual(room.messages[0]?.createdAt);
  });
});

describe("seeded study log", () => {
  it("gives a sample member study time and goals, and a room its weekly board", async () => {
    const { studyLogOf } = await import("@/lib/study/study-log");
    const { getStudyBoard } = await import("@/lib/study/study-board");
    const alice = await db.user.findUniqueOrThrow({ where: { username: "alice" }, select: { id: true } });
    const log = await studyLogOf({ userId: alice.id });
    expect(log.recent.map((r) => r.goal)).toEqual([
      "Integration by parts: 10 problems",
      "Finish the chain rule exercises",
    ]);
    expect(log.recent.every((r) => r.studyMs > 0 && r.goalDone === true)).toBe(true);
    expect(log.streakDays).toBeGreaterThanOrEqual(1);
    const board = await getStudyBoard({ slug: "calculus-study-group" });
    expect(board.entries.length).toBeGreaterThanOrEqual(1);
  });
});
