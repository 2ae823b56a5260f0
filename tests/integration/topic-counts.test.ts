// Topic.roomCount stays exact through every room write (create, edit with a topic change, delete,
// concurrent writes, account deletion), recountTopicRooms repairs rows written around the data
// layer, and the feed's totals read from it. Also the search count, capped at ROOM_COUNT_CAP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteUserAccount } from "@/lib/db/account-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { countRooms, createRoom, deleteRoom, ROOM_COUNT_CAP, searchRooms, updateRoom } from "@/lib/db/rooms";
import {
  countAllRooms,
  findTopic,
  listTopics,
  listTopicsPage,
  listTopicsWithTotal,
  recountTopicRooms,
  suggestTopics,
} from "@/lib/db/topics";
import { createUser } from "@/lib/db/users";
import { mergeTopics } from "@/lib/db/topic-writes";

let host: { id: string };

beforeAll(async () => {
  host = await createUser({
    email: "tess@counts.test",
    username: "tess_counts",
    name: "Tess Counter",
    passwordHash: null,
  });
});
afterAll(() => disconnectDb());

/** Every topic's stored count next to the rooms actually in it; equal when the counter is exact. */
async function storedAndActual(): Promise<{ stored: Record<string, number>; actual: Record<string, number> }> {
  const topics = await db.topic.findMany({
    select: { slug: true, roomCount: true, _count: { select: { rooms: true } } },
  });
  return {
    stored: Object.fromEntries(topics.map((t) => [t.slug, t.roomCount])),
    actual: Object.fromEntries(topics.map((t) => [t.slug, t._count.rooms])),
  };
}

async function expectExact(): Promise<Record<string, number>> {
  const { stored, actual } = await storedAndActual();
  expect(stored).toEqual(actual);
  return stored;
}

const roomOf = (name: string, topicName: string) => createRoom({ name, topicName, description: "", hostId: host.id });

describe("Topic.roomCount", () => {
  it("counts a room in when it is created, under a new topic or an existing one (any case)", async () => {
    await roomOf("Counting one", "Knitting");
    await roomOf("Counting two", "knitting");
    const counts = await expectExact();
    expect(counts.knitting).toBe(2);
    expect(await findTopic({ slug: "knitting" })).toMatchObject({ name: "Knitting", roomCount: 2 });
  });

  it("moves the room between counts when its topic changes, and not when only the name does", async () => {
    const room = await roomOf("Mover", "Pottery");
    expect((await expectExact()).pottery).toBe(1);

    await updateRoom({ id: room.id, name: "Mover renamed", topicName: "Pottery", description: "same topic" });
    expect((await expectExact()).pottery).toBe(1);

    await updateRoom({ id: room.id, name: "Mover renamed", topicName: "Weaving", description: "new topic" });
    const moved = await expectExact();
    expect([moved.pottery, moved.weaving]).toEqual([0, 1]);

    await updateRoom({ id: room.id, name: "Mover renamed", topicName: "knitting", description: "existing topic" });
    const again = await expectExact();
    expect([again.weaving, again.knitting]).toEqual([0, 3]);
  });

  it("counts a room out when it is deleted, once, however many times delete is asked", async () => {
    const room = await roomOf("Doomed", "Glassblowing");
    expect((await expectExact()).glassblowing).toBe(1);
    const results = await Promise.all([
      deleteRoom({ id: room.id }),
      deleteRoom({ id: room.id }),
      deleteRoom({ id: room.id }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await expectExact()).glassblowing).toBe(0);
  });

  it("stays exact under concurrent creates, moves and deletes", async () => {
    const rooms = await Promise.all(
      Array.from({ length: 8 }, (_, i) => roomOf(`Busy ${i}`, i % 2 ? "Busy odd" : "Busy even")),
    );
    await Promise.all([
      // Rooms moving both ways between the same two topics at once (locks taken in id order).
      ...rooms.slice(0, 4).map((r, i) =>
        updateRoom({
          id: r.id,
          name: `Busy moved ${i}`,
          topicName: i % 2 ? "Busy even" : "Busy odd",
          description: "",
        }),
      ),
      ...rooms.slice(4, 6).map((r) => deleteRoom({ id: r.id })),
      roomOf("Busy late", "Busy odd"),
    ]);
    const counts = await expectExact();
    expect(counts["busy-odd"]! + counts["busy-even"]!).toBe(8 - 2 + 1);
  });

  it("merges a topic while a room in it is being edited: the merge waits for the edit, no deadlock", async () => {
    const edited = await roomOf("Merge race edited", "Merge race source");
    await roomOf("Merge race stays", "Merge race source");
    await roomOf("Merge race target room", "Merge race target");
    const idOf = async (slug: string) =>
      (await db.topic.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
    const [source, target] = await Promise.all([idOf("merge-race-source"), idOf("merge-race-target")]);
    let roomLocked!: () => void;
    let finishEdit!: () => void;
    const locked = new Promise<void>((resolve) => (roomLocked = resolve));
    const go = new Promise<void>((resolve) => (finishEdit = resolve));
    // A host's edit in flight: updateRoom holds the room's row, and only then touches its topics.
    const edit = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Room" WHERE id = ${edited.id} FOR UPDATE`;
      roomLocked();
      await go;
      return updateRoom(
        { id: edited.id, name: "Merge race edited", topicName: "Merge race elsewhere", description: "" },
        tx,
      );
    });
    await locked;
    const merge = mergeTopics({
      id: source,
      into: target,
      audit: ({ from, to }) => ({
        actorId: host.id,
        actorUsername: "tess_counts",
        action: "topic.merge",
        targetType: "topic",
        targetId: target,
        targetLabel: to,
        detail: from,
      }),
    });
    // Let the merge reach the locks it takes; then the edit goes on to the topics.
    await new Promise((resolve) => setTimeout(resolve, 300));
    finishEdit();
    const [editDone, mergeDone] = await Promise.allSettled([edit, merge]);
    expect(editDone).toMatchObject({ status: "fulfilled", value: { id: edited.id } });
    expect(mergeDone).toMatchObject({ status: "fulfilled", value: { moved: 1 } });
    const counts = await expectExact();
    expect([counts["merge-race-target"], counts["merge-race-elsewhere"], counts["merge-race-source"]]).toEqual([
      2,
      1,
      undefined,
    ]);
  });

  it("rolls back with a failed room write", async () => {
    const before = await expectExact();
    // The host does not exist: the room insert fails after the topic was created and counted.
    await expect(
      createRoom({ name: "Orphan", topicName: "Never counted", description: "", hostId: "no-such-user" }),
    ).rejects.toThrow();
    const after = await expectExact();
    expect(after).toEqual(before);
    expect(await findTopic({ slug: "never-counted" })).toBeNull();
  });

  it("is unchanged by deleting a host's account (their rooms stay, without a host)", async () => {
    const leaver = await createUser({
      email: "leaver@counts.test",
      username: "leaver_counts",
      name: "Leaver",
      passwordHash: null,
    });
    await createRoom({ name: "Left behind", topicName: "Knitting", description: "", hostId: leaver.id });
    const before = await expectExact();
    expect(await deleteUserAccount({ userId: leaver.id })).toMatchObject({ roomsKept: 1 });
    expect(await expectExact()).toEqual(before);
  });

  it("is repaired by recountTopicRooms after rows written around the data layer", async () => {
    const topic = await db.topic.findUniqueOrThrow({ where: { slug: "knitting" } });
    // As a bulk import would: rooms inserted straight, and a counter knocked off.
    await db.room.createMany({
      data: [1, 2, 3].map((i) => ({
        name: `Imported ${i}`,
        slug: `imported-${i}`,
        topicId: topic.id,
        hostId: host.id,
      })),
    });
    await db.topic.update({ where: { slug: "pottery" }, data: { roomCount: 42 } });
    const { stored, actual } = await storedAndActual();
    expect(stored).not.toEqual(actual);

    expect(await recountTopicRooms()).toBe(2); // knitting and pottery were wrong
    await expectExact();
    expect(await recountTopicRooms()).toBe(0);
  });

  it("orders the sidebar, /topics and suggestions by it, then by name", async () => {
    const listed = await listTopics();
    const sorted = [...listed].sort(
      (a, b) => b.roomCount - a.roomCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    expect(listed).toEqual(sorted);
    expect(listed[0]).toMatchObject({ slug: "knitting" });
    expect(await suggestTopics({ prefix: "busy" })).toHaveLength(2);
  });

  it("pages /topics: the first topics in order and the number of all of them, searched or not", async () => {
    const all = await db.topic.count();
    expect(all).toBeGreaterThan(2);
    const first = await listTopicsPage({ take: 2 });
    expect(first).toEqual({ topics: (await listTopics()).slice(0, 2), total: all });
    const knit = await listTopicsPage({ q: "NIT", take: 50 });
    expect(knit.total).toBe(await db.topic.count({ where: { name: { contains: "nit", mode: "insensitive" } } }));
    expect(knit.topics.map((t) => t.slug)).toContain("knitting");
    expect(await listTopicsPage({ q: "no topic is called this", take: 50 })).toEqual({ topics: [], total: 0 });
  });

  it("gives the feed's unfiltered and topic totals, exact, without a search", async () => {
    const rooms = await db.room.count();
    expect(await countAllRooms()).toBe(rooms);
    const sidebar = await listTopicsWithTotal({ take: 3 });
    expect(sidebar.total).toBe(rooms);
    expect(sidebar.topics).toEqual((await listTopics()).slice(0, 3));
    expect(await countRooms()).toEqual({ total: rooms, capped: false });
    const knitting = await db.room.count({ where: { topic: { slug: "knitting" } } });
    expect(await countRooms({ topicSlug: "knitting" })).toEqual({ total: knitting, capped: false });
    expect(await countRooms({ topicSlug: "no-such-topic" })).toEqual({ total: 0, capped: false });
  });
});

describe("countRooms with a search", () => {
  beforeAll(async () => {
    // ROOM_COUNT_CAP + 5 rooms that all mention "capybara", in two topics, inserted in bulk.
    const topic = await db.topic.create({ data: { name: "Rodents", slug: "rodents" } });
    const other = await db.topic.create({ data: { name: "Capybara care", slug: "capybara-care" } });
    await db.$executeRaw`
      INSERT INTO "Room" (id, name, slug, description, "topicId", "hostId", "updatedAt")
      SELECT 'cap' || i, 'Herd ' || i, 'herd-' || i, 'All about the capybara, number ' || i,
             CASE WHEN i % 10 = 0 THEN ${other.id} ELSE ${topic.id} END, ${host.id}, now()
      FROM generate_series(1, ${ROOM_COUNT_CAP + 5}::int) AS i`;
    await recountTopicRooms();
  });

  it("stops at ROOM_COUNT_CAP and says so", async () => {
    expect(await countRooms({ q: "capybara" })).toEqual({ total: ROOM_COUNT_CAP, capped: true });
    // Matched by topic name alone (the "Capybara care" rooms), and a host's rooms: exact, below the cap.
    expect(await countRooms({ q: "capybara care" })).toEqual({
      total: Math.floor((ROOM_COUNT_CAP + 5) / 10),
      capped: false,
    });
    const hosted = await db.room.count({ where: { hostId: host.id } });
    expect(hosted).toBeGreaterThan(ROOM_COUNT_CAP);
    expect(await countRooms({ q: "tess_counts" })).toEqual({ total: ROOM_COUNT_CAP, capped: true });
  });

  it("is exact up to the cap, counting a room matched several ways once", async () => {
    // "herd 10" is in room names "Herd 10", "Herd 100"… and descriptions don't say "herd".
    const exact = await db.room.count({ where: { name: { contains: "herd 10", mode: "insensitive" } } });
    expect(exact).toBeLessThan(ROOM_COUNT_CAP);
    expect(await countRooms({ q: "herd 10" })).toEqual({ total: exact, capped: false });
    // One room matched by its name, description and topic at once is one room.
    await createRoom({ name: "Loom talk", topicName: "Looms", description: "Looms, and more looms.", hostId: host.id });
    expect(await countRooms({ q: "loom" })).toEqual({ total: 1, capped: false });
    // Combined with a topic filter, the cap applies to the combination.
    expect(await countRooms({ q: "capybara", topicSlug: "capybara-care" })).toEqual({ total: 100, capped: false });
  });

  it("leaves the page itself as it was: the newest matches, in order, every one reachable", async () => {
    const first = await searchRooms({ q: "capybara", limit: 50 });
    expect(first.rooms).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const active = first.rooms.map((r) => r.lastActivityAt.getTime());
    expect(active).toEqual([...active].sort((a, b) => b - a));
    // Paging by topic-matched rooms only ("Capybara care": 100 rooms) visits each exactly once.
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await searchRooms({ q: "capybara care", limit: 30, cursor });
      for (const room of page.rooms) seen.add(room.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(100);
  });
});

describe("the sample data", () => {
  it("leaves every topic's count exact (seeded rooms are upserted, then recounted)", async () => {
    const { seed } = await import("@/prisma/seed");
    await seed();
    const counts = await expectExact();
    expect(counts.python).toBeGreaterThan(0);
  });
});
