// Deleting an account at the data layer: what belonged only to the member goes (avatar, OAuth
// accounts, tokens, memberships), what others rely on stays (messages without an author, rooms
// without a host), and nobody else's data is touched.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { findRoomWithLatestMessages } from "@/lib/db/messages";
import { findProfileByUsername } from "@/lib/db/profiles";

afterAll(() => disconnectDb());

async function member(label: string) {
  const id = randomUUID().slice(0, 8);
  return db.user.create({
    data: {
      email: `${label}${id}@example.test`,
      username: `${label}_${id}`,
      name: `${label} ${id}`,
      passwordHash: null,
      emailVerifiedAt: new Date(),
    },
  });
}

async function world() {
  const [leaver, stayer] = [await member("leaver"), await member("stayer")];
  const suffix = randomUUID().slice(0, 8);
  const topic = await db.topic.create({ data: { name: `Topic ${suffix}`, slug: `topic-${suffix}` } });
  const hosted = await db.room.create({
    data: { name: "Leaver's room", slug: `leavers-room-${suffix}`, topicId: topic.id, hostId: leaver.id },
  });
  const other = await db.room.create({
    data: { name: "Stayer's room", slug: `stayers-room-${suffix}`, topicId: topic.id, hostId: stayer.id },
  });
  await db.participant.createMany({
    data: [
      { roomId: hosted.id, userId: leaver.id },
      { roomId: hosted.id, userId: stayer.id },
      { roomId: other.id, userId: leaver.id },
    ],
  });
  await db.message.createMany({
    data: [
      { roomId: hosted.id, authorId: leaver.id, body: "hello from the leaver", clientKey: "k1" },
      { roomId: hosted.id, authorId: stayer.id, body: "hello back" },
      { roomId: other.id, authorId: leaver.id, body: "me again", clientKey: "k2" },
      { roomId: other.id, authorId: leaver.id, body: "and once more" },
    ],
  });
  await db.avatar.create({ data: { userId: leaver.id, mimeType: "image/webp", data: new Uint8Array([1, 2, 3]) } });
  await db.account.create({
    data: { userId: leaver.id, type: "oauth", provider: "github", providerAccountId: `gh-${suffix}` },
  });
  await db.oneTimeToken.create({
    data: {
      userId: leaver.id,
      kind: "EMAIL_VERIFICATION",
      tokenHash: `hash-${suffix}`,
      email: "new@example.test",
      expiresAt: new Date(Date.now() + 60_000),
    },
  });
  await db.supportRequest.create({ data: { userId: leaver.id, email: leaver.email, kind: "OTHER", detail: "help" } });
  return { leaver, stayer, topic, hosted, other };
}

describe("deleteUserAccount", () => {
  it("keeps messages without an author and rooms without a host, and removes the rest", async () => {
    const { leaver, stayer, hosted, other } = await world();

    expect(await deleteUserAccount({ userId: leaver.id })).toEqual({ messagesKept: 3, roomsKept: 1 });

    expect(await db.user.findUnique({ where: { id: leaver.id } })).toBeNull();
    // Messages: all four still there; the leaver's three have no author now.
    const messages = await db.message.findMany({
      where: { roomId: { in: [hosted.id, other.id] } },
      orderBy: { id: "asc" },
    });
    expect(messages.map((m) => [m.body, m.authorId])).toEqual([
      ["hello from the leaver", null],
      ["hello back", stayer.id],
      ["me again", null],
      ["and once more", null],
    ]);
    // Rooms: the hosted one stays, without host; the other keeps its host.
    expect((await db.room.findUniqueOrThrow({ where: { id: hosted.id } })).hostId).toBeNull();
    expect((await db.room.findUniqueOrThrow({ where: { id: other.id } })).hostId).toBe(stayer.id);
    // What belonged only to the leaver is gone.
    expect(await db.avatar.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.oneTimeToken.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.participant.count({ where: { userId: leaver.id } })).toBe(0);
    expect(await db.participant.count({ where: { userId: stayer.id } })).toBe(1);
    // A support request keeps its address for the admins, without the user.
    expect(await db.supportRequest.findFirst({ where: { email: leaver.email } })).toMatchObject({ userId: null });
  });

  it("shows the kept messages as anonymous and the room as hostless to the room page", async () => {
    const { leaver, stayer, hosted } = await world();
    await deleteUserAccount({ userId: leaver.id });

    const room = await findRoomWithLatestMessages(hosted.slug);
    expect(room?.host).toBeNull();
    expect(room?.messages.map((m) => [m.body, m.author?.username ?? null])).toEqual([
      ["hello from the leaver", null],
      ["hello back", stayer.username],
    ]);
    expect(await findProfileByUsername({ username: leaver.username })).toBeNull();
  });

  it("frees the username and email, and a second delete finds nothing", async () => {
    const { leaver } = await world();
    await deleteUserAccount({ userId: leaver.id });
    expect(await deleteUserAccount({ userId: leaver.id })).toBeNull();
    const again = await db.user.create({
      data: { email: leaver.email, username: leaver.username, name: "Someone new" },
    });
    expect(again.id).not.toBe(leaver.id);
  });

  it("changes nothing when the delete fails midway", async () => {
    const { leaver, hosted } = await world();
    // The cascade fails on the avatar, after the rooms and messages were already let go: the whole
    // deletion rolls back, nothing is half-deleted.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_user_delete() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_user_delete BEFORE DELETE ON "Avatar" FOR EACH ROW WHEN (OLD."userId" = '${leaver.id}') EXECUTE FUNCTION refuse_user_delete()`,
    );
    try {
      await expect(deleteUserAccount({ userId: leaver.id })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_user_delete ON "Avatar"`);
    }
    expect(await db.user.findUnique({ where: { id: leaver.id } })).not.toBeNull();
    expect((await db.room.findUniqueOrThrow({ where: { id: hosted.id } })).hostId).toBe(leaver.id);
    expect(await db.message.count({ where: { authorId: leaver.id } })).toBe(3);
    expect(await db.avatar.count({ where: { userId: leaver.id } })).toBe(1);
  });
});
