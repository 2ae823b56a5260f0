// The people panel's data (lib/db/participants.ts listRoomParticipants / countRoomParticipants):
// who is listed, in which order, with what, and how many.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import {
  addParticipant,
  countRoomParticipants,
  listRoomParticipants,
  MAX_PARTICIPANT_PAGE,
  removeParticipant,
} from "@/lib/db/participants";
import { createRoom } from "@/lib/db/rooms";
import { createUser } from "@/lib/db/users";

let host: string;
let room: { id: string; slug: string };
const people: Record<string, string> = {};

async function member(username: string, image: string | null = null): Promise<string> {
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: `${username} Example`,
    passwordHash: null,
    emailVerifiedAt: new Date(),
    image,
  });
  return id;
}

/** Joins `username` to the room `minutesAgo` minutes ago (joinedAt orders the list). */
async function joined(username: string, minutesAgo: number, image: string | null = null): Promise<void> {
  const id = await member(username, image);
  people[username] = id;
  await addParticipant({ roomId: room.id, userId: id });
  await db.participant.update({
    where: { roomId_userId: { roomId: room.id, userId: id } },
    data: { joinedAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

beforeAll(async () => {
  host = await member("hosting");
  room = await createRoom({ name: "People room", topicName: "Testing", description: "", hostId: host });
  await db.participant.update({
    where: { roomId_userId: { roomId: room.id, userId: host } },
    data: { joinedAt: new Date(Date.now() - 60 * 60_000) },
  });
  await joined("early", 30, "https://avatars.example.test/early.png");
  await joined("middle", 20);
  await joined("latest", 10);
  await joined("gone", 5);
  await db.user.update({ where: { id: people.gone }, data: { deactivatedAt: new Date() } });
});
afterAll(() => disconnectDb());

describe("listRoomParticipants", () => {
  it("lists active participants, the most recently joined first, with the host's id", async () => {
    const list = await listRoomParticipants({ roomId: room.id, limit: 50 });
    expect(list.hostId).toBe(host);
    expect(list.participants.map((p) => p.username)).toEqual(["latest", "middle", "early", "hosting"]);
    expect(list.total).toBe(4);
  });

  it("gives what the panel shows: name, username, avatar (an upload or the provider's picture)", async () => {
    const { participants } = await listRoomParticipants({ roomId: room.id, limit: 50 });
    const early = participants.find((p) => p.username === "early");
    expect(early).toEqual({
      id: people.early,
      username: "early",
      name: "early Example",
      avatarUrl: "https://avatars.example.test/early.png",
      joinedAt: expect.any(Date),
    });
    expect(participants.find((p) => p.username === "middle")?.avatarUrl).toBeNull();
    // Nothing private crosses: no email, no role, no password hash.
    expect(Object.keys(early ?? {}).sort()).toEqual(["avatarUrl", "id", "joinedAt", "name", "username"]);
  });

  it("stops at the limit but counts everyone", async () => {
    const list = await listRoomParticipants({ roomId: room.id, limit: 2 });
    expect(list.participants.map((p) => p.username)).toEqual(["latest", "middle"]);
    expect(list.total).toBe(4);
  });

  it("keeps the limit within bounds", async () => {
    expect((await listRoomParticipants({ roomId: room.id, limit: 0 })).participants).toHaveLength(1);
    expect((await listRoomParticipants({ roomId: room.id, limit: -5 })).participants).toHaveLength(1);
    expect((await listRoomParticipants({ roomId: room.id, limit: 1.7 })).participants).toHaveLength(1);
    expect((await listRoomParticipants({ roomId: room.id, limit: 10_000 })).participants).toHaveLength(4);
    expect(MAX_PARTICIPANT_PAGE).toBeLessThanOrEqual(200);
  });

  it("orders people who joined at the same moment the same way every time", async () => {
    const other = await createRoom({ name: "Tied room", topicName: "Testing", description: "", hostId: host });
    const at = new Date("2026-01-01T00:00:00Z");
    for (const username of ["early", "middle", "latest"])
      await addParticipant({ roomId: other.id, userId: people[username] ?? "" });
    await db.participant.updateMany({ where: { roomId: other.id }, data: { joinedAt: at } });
    const first = await listRoomParticipants({ roomId: other.id, limit: 50 });
    const ids = first.participants.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect((await listRoomParticipants({ roomId: other.id, limit: 50 })).participants.map((p) => p.id)).toEqual(ids);
  });

  it("follows leaving, and has no host once the host is gone", async () => {
    const other = await createRoom({
      name: "Leaving room",
      topicName: "Testing",
      description: "",
      hostId: people.latest ?? "",
    });
    await addParticipant({ roomId: other.id, userId: people.middle ?? "" });
    expect(await countRoomParticipants({ roomId: other.id })).toBe(2);
    await removeParticipant({ roomId: other.id, userId: people.middle ?? "" });
    expect((await listRoomParticipants({ roomId: other.id, limit: 50 })).participants.map((p) => p.username)).toEqual([
      "latest",
    ]);
    await db.room.update({ where: { id: other.id }, data: { hostId: null } });
    expect((await listRoomParticipants({ roomId: other.id, limit: 50 })).hostId).toBeNull();
  });

  it("answers an empty list for a room that does not exist", async () => {
    expect(await listRoomParticipants({ roomId: "nosuchroom0000000000000", limit: 50 })).toEqual({
      hostId: null,
      total: 0,
      participants: [],
    });
  });
});
