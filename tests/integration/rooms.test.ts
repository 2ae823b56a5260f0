// Rooms at the data layer: slugs and collisions, topic reuse, the feed's search over its four
// fields, topic filter, sorts, keyset paging and participant counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { addParticipant, removeParticipant } from "@/lib/db/participants";
import { countRooms as countRoomsCapped, createRoom, deleteRoom, searchRooms, updateRoom } from "@/lib/db/rooms";
import { createUser } from "@/lib/db/users";

/** The count as a number (these rooms are far below the search cap; topic-counts.test.ts covers it). */
async function countRooms(filter: Parameters<typeof countRoomsCapped>[0] = {}): Promise<number> {
  const { total, capped } = await countRoomsCapped(filter);
  expect(capped).toBe(false);
  return total;
}

let host: { id: string };
let other: { id: string };

beforeAll(async () => {
  host = await createUser({
    email: "hana@example.test",
    username: "hana_host",
    name: "Hana Quixote",
    passwordHash: null,
  });
  other = await createUser({ email: "otto@example.test", username: "otto", name: "Otto", passwordHash: null });
});
afterAll(() => disconnectDb());

describe("createRoom", () => {
  it("slugs the name, adds -2 on collision, makes the host a participant", async () => {
    const first = await createRoom({ name: "Rust Nights", topicName: "Rust", description: "", hostId: host.id });
    const second = await createRoom({ name: "rust nights!", topicName: "rust", description: "", hostId: other.id });
    expect(first.slug).toBe("rust-nights");
    expect(second.slug).toBe("rust-nights-2");
    const rooms = await db.room.findMany({
      where: { id: { in: [first.id, second.id] } },
      select: { participantCount: true, topicId: true },
    });
    expect(rooms.map((r) => r.participantCount)).toEqual([1, 1]);
    // "Rust" and "rust" are one topic.
    expect(new Set(rooms.map((r) => r.topicId)).size).toBe(1);
  });

  it("gives non-Latin names a usable slug", async () => {
    const room = await createRoom({ name: "数学 学习", topicName: "数学", description: "", hostId: host.id });
    expect(room.slug).toMatch(/^room(-\d+)?$/);
  });

  it("keeps the slug when the room is renamed", async () => {
    const room = await createRoom({ name: "Old name here", topicName: "Misc", description: "", hostId: host.id });
    await updateRoom({ id: room.id, name: "New name here", topicName: "Misc", description: "x" });
    expect((await db.room.findUniqueOrThrow({ where: { id: room.id } })).slug).toBe("old-name-here");
  });
});

describe("searchRooms", () => {
  beforeAll(async () => {
    await createRoom({
      name: "Zebra crossings",
      topicName: "Urbanism",
      description: "Stripes, lights and walkable streets",
      hostId: other.id,
    });
    await createRoom({
      name: "Quiet room",
      topicName: "Ornithology",
      description: "Birdsong recordings",
      hostId: host.id,
    });
  });

  it.each([
    ["the room name", "ZEBRA"],
    ["the description", "walkable"],
    ["the topic name", "ornitho"],
    ["the host's username", "hana_h"],
    ["the host's display name", "quixote"],
  ])("matches %s, case-insensitively and by substring", async (_field, q) => {
    const { rooms } = await searchRooms({ q });
    expect(rooms.length).toBeGreaterThan(0);
    expect(await countRooms({ q })).toBe(rooms.length);
  });

  it("finds a host by @handle", async () => {
    expect(await countRooms({ q: "@hana_host" })).toBe(await countRooms({ q: "hana_host" }));
  });

  it("treats LIKE wildcards literally", async () => {
    expect(await countRooms({ q: "%" })).toBe(0);
    // "_" is a literal underscore (as in hana_host), not "any character".
    expect(await countRooms({ q: "a_h" })).toBe(await countRooms({ q: "hana_host" }));
    expect(await countRooms({ q: "r_st" })).toBe(0);
  });

  it("filters by topic and combines with q", async () => {
    expect((await searchRooms({ topicSlug: "urbanism" })).rooms.map((r) => r.name)).toEqual(["Zebra crossings"]);
    expect(await countRooms({ topicSlug: "urbanism", q: "bird" })).toBe(0);
    expect(await countRooms({ topicSlug: "no-such-topic" })).toBe(0);
  });

  it("pages through every room exactly once in each sort", async () => {
    const total = await countRooms();
    for (const sort of ["active", "newest", "participants"] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await searchRooms({ sort, cursor, limit: 2 });
        seen.push(...page.rooms.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.length).toBe(total);
      expect(new Set(seen).size).toBe(total);
    }
  });

  it("orders by participants, most first", async () => {
    const room = await createRoom({ name: "Crowded", topicName: "Misc", description: "", hostId: host.id });
    await addParticipant({ roomId: room.id, userId: other.id });
    expect(await addParticipant({ roomId: room.id, userId: other.id })).toBe(false);
    const { rooms } = await searchRooms({ sort: "participants", limit: 1 });
    expect(rooms[0]).toMatchObject({ id: room.id, participantCount: 2 });
    await removeParticipant({ roomId: room.id, userId: other.id });
    expect((await db.room.findUniqueOrThrow({ where: { id: room.id } })).participantCount).toBe(1);
  });

  it("ignores a tampered cursor", async () => {
    const { rooms } = await searchRooms({ cursor: "not-a-cursor", limit: 1 });
    expect(rooms).toHaveLength(1);
  });
});

describe("deleteRoom", () => {
  it("removes the room once", async () => {
    const room = await createRoom({ name: "Short lived", topicName: "Misc", description: "", hostId: host.id });
    expect(await deleteRoom({ id: room.id })).toBe(true);
    expect(await deleteRoom({ id: room.id })).toBe(false);
  });
});
