// GET /api/rooms/<slug>/online (lib/realtime/presence.ts getRoomOnline): the count for anyone, so a page that
// (re)subscribes catches up on a count it missed; the faces for active members only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { recordPresence } from "@/lib/db/presence";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { getRoomOnline } from "@/lib/realtime/presence";

let host: SessionUser;
let room: { id: string; slug: string };

beforeAll(async () => {
  const { id } = await createUser({
    email: "online-host@example.test",
    username: "onlinehost",
    name: "Online Host",
    passwordHash: "not-used-here",
    emailVerifiedAt: new Date(),
  });
  host = (await findSessionUser({ id })) as SessionUser;
  room = await createRoom({ name: "Online room", topicName: "Testing", description: "", hostId: host.id });
  await recordPresence({ roomId: room.id, userId: host.id, online: true, at: new Date() });
});
afterAll(() => disconnectDb());

describe("getRoomOnline", () => {
  it("gives anyone the count, and a visitor or a deactivated member no faces", async () => {
    expect(await getRoomOnline({ actor: null, slug: room.slug })).toEqual({ online: 1, people: [] });
    expect(await getRoomOnline({ actor: { ...host, deactivated: true }, slug: room.slug })).toEqual({
      online: 1,
      people: [],
    });
  });

  it("gives an active member the faces too", async () => {
    const { online, people } = await getRoomOnline({ actor: host, slug: room.slug });
    expect(online).toBe(1);
    expect(people.map((p) => p.username)).toEqual(["onlinehost"]);
  });

  it("answers 404 for a room that does not exist", async () => {
    const error = await getRoomOnline({ actor: null, slug: "no-such-room" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
    expect(await db.room.count({ where: { slug: "no-such-room" } })).toBe(0);
  });
});
