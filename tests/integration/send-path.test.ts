// The send path's one statement (lib/db/message-send.ts) under what could go wrong with it: concurrent sends over the
// rate limit are refused exactly past it, a retried client key answers the first message and stores nothing twice,
// the posting rules (lock beats ban beats mute) refuse before the limit and store nothing, and a send to an unknown
// room counts no hit; the sender's device session, checked inside the same statement, refuses an ended, idle, outdated
// or someone else's session (401) and a deactivated or unverified member (403), storing and counting nothing.
// chat-api.test.ts covers the send path's ordinary answers.
import { randomUUID } from "node:crypto";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { claimsFromToken, type SessionClaims } from "@/lib/auth/session-cookie";
import { sendMessage } from "@/lib/chat/messages";
import { LIMITS } from "@/lib/auth/rate-limit";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { person } from "../support/admin-fixtures";
import { sessionTokenFor } from "../support/session-token";
import { eventually } from "../support/wait-for";

let alice: SessionUser;
let bob: SessionUser;
let host: SessionUser;

beforeAll(async () => {
  [alice, bob, host] = await Promise.all([person("MEMBER"), person("MEMBER"), person("MEMBER")]);
});
afterAll(() => disconnectDb());

let rooms = 0;
const newRoom = () =>
  createRoom({ name: `Send path ${++rooms}`, topicName: "Testing", description: "", hostId: host.id });

const send = (actor: SessionUser, slug: string, body: string, clientKey: string = randomUUID()) =>
  sendMessage({ actor, slug, input: { body, clientKey } });

/** The AppError code and status a send ends with, or "created"/"replayed". */
async function outcome(promise: ReturnType<typeof send>): Promise<string> {
  try {
    const result = await promise;
    await result.delivered;
    return result.created ? "created" : "replayed";
  } catch (error) {
    if (error instanceof AppError) return `${error.status} ${error.code}`;
    throw error;
  }
}

const counter = (userId: string, roomId: string) =>
  db.rateLimit.findUnique({ where: { key: `messagePost:${userId}:${roomId}` } });

describe("rate limit in the send statement", () => {
  it("refuses concurrent sends exactly past the limit, and stores only those within it", async () => {
    const room = await newRoom();
    const { points } = LIMITS.messagePost;
    const results = await Promise.all(
      Array.from({ length: points + 6 }, (_, i) => outcome(send(alice, room.slug, `burst ${i}`))),
    );
    expect(results.filter((r) => r === "created")).toHaveLength(points);
    expect(results.filter((r) => r === "429 rate_limited:message_post")).toHaveLength(6);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(points);
    // Every hit counted, in the row rate-limiter-flexible used to write (so the auth code's limits share the table).
    expect((await counter(alice.id, room.id))?.points).toBe(points + 6);
    // Another member of the room has a counter of their own.
    expect(await outcome(send(bob, room.slug, "still fine"))).toBe("created");
  });

  it("starts afresh once the window has passed", async () => {
    const room = await newRoom();
    for (let i = 0; i <= LIMITS.messagePost.points; i++) await outcome(send(alice, room.slug, `m${i}`));
    expect(await outcome(send(alice, room.slug, "too many"))).toBe("429 rate_limited:message_post");
    await db.rateLimit.update({
      where: { key: `messagePost:${alice.id}:${room.id}` },
      data: { expire: new Date(Date.now() - 1000) },
    });
    expect(await outcome(send(alice, room.slug, "a new window"))).toBe("created");
    expect((await counter(alice.id, room.id))?.points).toBe(1);
  });

  it("counts no hit for a room that does not exist", async () => {
    const before = await db.rateLimit.count({ where: { key: { startsWith: `messagePost:${bob.id}:` } } });
    expect(await outcome(send(bob, "no-such-room-here", "hello"))).toBe("404 not_found:room");
    expect(await db.rateLimit.count({ where: { key: { startsWith: `messagePost:${bob.id}:` } } })).toBe(before);
  });
});

describe("idempotent retries", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("answer the first message, store and join nothing twice, and carry the same message id to readers", async () => {
    const room = await newRoom();
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(room.id));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const ids: number[] = [];
    channel.bind("message:created", (data: { id: number }) => ids.push(data.id));

    const clientKey = randomUUID();
    const first = await send(alice, room.slug, "only once", clientKey);
    const retries = await Promise.all([1, 2, 3].map(() => send(alice, room.slug, "only once", clientKey)));
    expect(first.created).toBe(true);
    expect(retries.map((r) => r.created)).toEqual([false, false, false]);
    for (const retry of retries) expect(retry.message).toEqual(first.message);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(1);
    const stored = await db.room.findUniqueOrThrow({ where: { id: room.id } });
    expect(stored.participantCount).toBe(2);
    // A retry publishes again (the first trigger may have failed); readers drop the copies by id.
    await eventually(() => (ids.length === 4 ? ids : undefined));
    expect(new Set(ids)).toEqual(new Set([first.message.id]));
  });

  it("are answered over the limit, and a key used in another room is a 409", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const clientKey = randomUUID();
    const first = await send(alice, room.slug, "kept", clientKey);
    for (let i = 0; i < LIMITS.messagePost.points; i++) await outcome(send(alice, room.slug, `filler ${i}`));
    const retry = await send(alice, room.slug, "kept", clientKey);
    expect([retry.created, retry.message.id]).toEqual([false, first.message.id]);
    expect(await outcome(send(alice, other.slug, "kept", clientKey))).toBe("409 conflict:client_key");
  });
});

describe("posting rules in the send statement", () => {
  const restrict = (roomId: string, userId: string, kind: "BAN" | "MUTE", until: Date | null, reason = "") =>
    db.roomRestriction.create({ data: { roomId, userId, kind, until, reason } });
  const inAnHour = () => new Date(Date.now() + 3600_000);

  it("refuse a muted member, then a banned one, then everyone in a locked room, storing nothing", async () => {
    const room = await newRoom();
    await restrict(room.id, alice.id, "MUTE", inAnHour(), "calm down");
    expect(await outcome(send(alice, room.slug, "muted"))).toBe("403 forbidden:muted");
    await restrict(room.id, alice.id, "BAN", null, "spam");
    const banned = await send(alice, room.slug, "banned").catch((e: unknown) => e as AppError);
    expect(banned).toMatchObject({ code: "forbidden:banned", message: "You are banned from this room: spam" });
    await db.room.update({ where: { id: room.id }, data: { lockedAt: new Date() } });
    expect(await outcome(send(alice, room.slug, "locked"))).toBe("403 forbidden:room_locked");
    expect(await outcome(send(bob, room.slug, "locked too"))).toBe("403 forbidden:room_locked");
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);
  });

  it("ignore restrictions that have ended, mutes without an end, and other members' or rooms' restrictions", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    await restrict(room.id, alice.id, "MUTE", new Date(Date.now() - 1000));
    await restrict(room.id, alice.id, "BAN", new Date(Date.now() - 1000));
    expect(await outcome(send(alice, room.slug, "free again"))).toBe("created");
    await db.roomRestriction.deleteMany({ where: { roomId: room.id } });
    await restrict(room.id, alice.id, "MUTE", null);
    expect(await outcome(send(alice, room.slug, "a mute without an end is none"))).toBe("created");
    await restrict(other.id, alice.id, "BAN", null);
    await restrict(room.id, bob.id, "BAN", null);
    expect(await outcome(send(alice, room.slug, "banned elsewhere only"))).toBe("created");
  });

  it("refuse before the rate limit: a restricted member over the limit hears why they cannot post", async () => {
    const room = await newRoom();
    for (let i = 0; i < LIMITS.messagePost.points; i++) await outcome(send(alice, room.slug, `m${i}`));
    await restrict(room.id, alice.id, "MUTE", inAnHour());
    expect(await outcome(send(alice, room.slug, "one more"))).toBe("403 forbidden:muted");
  });
});

describe("the sender's device session, checked by the send statement itself", () => {
  const claimsOf = async (user: SessionUser) => {
    const claims = await claimsFromToken(await sessionTokenFor(user));
    if (!claims) throw new Error("no claims");
    return claims;
  };
  const sendAs = (claims: SessionClaims | null, slug: string, body = "hello") =>
    sendMessage({ actor: { claims }, slug, input: { body, clientKey: randomUUID() } });
  const hits = async (user: SessionUser) =>
    db.rateLimit.count({ where: { key: { startsWith: `messagePost:${user.id}:` } } });

  it("stores a live session's message and counts its hit; a signed-out, ended or outdated session is 401", async () => {
    const room = await newRoom();
    const member = await person("MEMBER");
    const live = await claimsOf(member);
    expect(await outcome(sendAs(live, room.slug))).toBe("created");
    expect(await hits(member)).toBe(1);

    const ended = await claimsOf(member);
    await db.userSession.delete({ where: { id: ended.sid } });
    const idle = await claimsOf(member);
    await db.userSession.update({
      where: { id: idle.sid },
      data: { lastSeenAt: new Date(Date.now() - 400 * 86_400_000) },
    });
    const other = await claimsOf(alice);
    const theirs = { ...other, sub: member.id };
    for (const claims of [null, ended, idle, theirs])
      expect(await outcome(sendAs(claims, room.slug))).toBe("401 unauthorized");
    // A password change (the session version) ends every older cookie.
    await db.user.update({ where: { id: member.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await outcome(sendAs(live, room.slug))).toBe("401 unauthorized");
    // Nothing stored or counted for any of them; also not for an unknown room.
    expect(await db.message.count({ where: { authorId: member.id } })).toBe(1);
    expect(await hits(member)).toBe(1);
    expect(await outcome(sendAs(ended, "no-such-room"))).toBe("401 unauthorized");
    expect(await outcome(sendAs(ended, "bad\u0000slug"))).toBe("401 unauthorized");
    expect(await outcome(sendAs(await claimsOf(alice), "bad\u0000slug"))).toBe("404 not_found:room");
  });

  it("refuses a deactivated (403) and an unverified (403) member, and marks a session used a while ago as seen", async () => {
    const room = await newRoom();
    const [deactivated, unverified, member] = await Promise.all([
      person("MEMBER"),
      person("MEMBER", { verified: false }),
      person("MEMBER"),
    ]);
    const deactivatedClaims = await claimsOf(deactivated);
    await db.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } });
    expect(await outcome(sendAs(deactivatedClaims, room.slug))).toBe("403 forbidden:deactivated");
    expect(await outcome(sendAs(await claimsOf(unverified), room.slug))).toBe("403 forbidden:unverified");
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);

    const claims = await claimsOf(member);
    const earlier = new Date(Date.now() - 5 * 60_000);
    await db.userSession.update({ where: { id: claims.sid }, data: { lastSeenAt: earlier } });
    expect(await outcome(sendAs(claims, room.slug))).toBe("created");
    const seen = await db.userSession.findUniqueOrThrow({ where: { id: claims.sid } });
    expect(seen.lastSeenAt.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
  });
});
