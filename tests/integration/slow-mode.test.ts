// Slow mode (lib/rooms/slow-mode.ts, enforced in the send statement lib/db/message-send.ts): who may set it from the
// room page (visitor 401, member 403, the host, moderators and admins; a moderator's or admin's change of a room they
// do not host audited like their room edits), bad values, the setter's rate limit, the live `room:updated`; and the
// send path under it: concurrent posts with distinct keys store exactly one, the rest 429 with the wait, a retried
// key answers the stored message, the next turn comes when the wait has passed, the host and staff are exempt, and
// turning it off (or shortening it) applies to the very next send.
import { randomUUID } from "node:crypto";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  ...(await import("../support/fuzz-scope")).nextCache,
}));
import { setSlowModeAction } from "@/app/(main)/rooms/[slug]/actions";
import { LIMITS } from "@/lib/auth/rate-limit";
import { sendMessage } from "@/lib/chat/messages";
import { answerSend } from "@/lib/chat/send-reply";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { initialFormState, type FormState } from "@/lib/form-state";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { setSlowModeAs, slowModeViewOf } from "@/lib/rooms/slow-mode";
import { SLOW_MODE_MAX_SECONDS } from "@/lib/validation/slow-mode";
import { auditSince, lastAuditId, person, refusal, roomCast } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";
import { eventually } from "../support/wait-for";

let host: SessionUser;
let member: SessionUser;
let other: SessionUser;
let moderator: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  [{ host, member, moderator, admin }, other] = await Promise.all([roomCast(), person("MEMBER")]);
});
afterAll(() => disconnectDb());

let rooms = 0;
async function newRoom(slowModeSeconds = 0) {
  const name = `Slow mode ${++rooms}`;
  const room = await createRoom({ name, topicName: "Testing", description: "", hostId: host.id });
  if (slowModeSeconds) await db.room.update({ where: { id: room.id }, data: { slowModeSeconds } });
  return { ...room, name };
}

const storedSetting = async (id: string) =>
  (await db.room.findUniqueOrThrow({ where: { id }, select: { slowModeSeconds: true } })).slowModeSeconds;

/** Runs the room page's action as `caller` (null: signed out). */
async function setAs(caller: SessionUser | null, fields: Record<string, string>): Promise<FormState> {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return setSlowModeAction(initialFormState, data);
}

const send = (actor: SessionUser, slug: string, clientKey: string = randomUUID()) =>
  sendMessage({ actor, slug, input: { body: `hello ${clientKey.slice(0, 6)}`, clientKey } });

/** "created", "replayed", or the refusal's status and code. */
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

/** As if the member's last turn in the room were `seconds` earlier (the send statement's turn row, and the message). */
async function turnBack(user: SessionUser, roomId: string, seconds: number) {
  const key = `slowMode:${user.id}:${roomId}`;
  const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
  await db.rateLimit.update({ where: { key }, data: { expire: new Date(row.expire!.getTime() - seconds * 1000) } });
  await db.$executeRaw`UPDATE "Message" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}::int)
    WHERE "roomId" = ${roomId} AND "authorId" = ${user.id}`;
  // The per-room message limit's window (10 in 10 s) is not what these tests are about.
  await db.rateLimit.deleteMany({ where: { key: `messagePost:${user.id}:${roomId}` } });
}

describe("setting slow mode from the room page", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("refuses visitors (401) and members who do not host the room (403), changing nothing", async () => {
    const room = await newRoom();
    expect(await setAs(null, { slug: room.slug, seconds: "30" })).toMatchObject({
      status: "error",
      message: "Please sign in.",
    });
    expect(await setAs(member, { slug: room.slug, seconds: "30" })).toMatchObject({
      status: "error",
      message: "Only the room’s host and moderators can set slow mode.",
    });
    const refused = await refusal(setSlowModeAs(member, { slug: room.slug, seconds: 30 }));
    expect([refused.status, refused.code]).toEqual([403, "forbidden:room"]);
    expect(await storedSetting(room.id)).toBe(0);
  });

  it("lets the host set it unaudited, and audits a moderator's and an admin's change like their room edits", async () => {
    const room = await newRoom();
    const mark = await lastAuditId();
    expect(await setAs(host, { slug: room.slug, seconds: "30" })).toEqual({
      status: "success",
      message: "Slow mode is on: one message every 30 s.",
    });
    expect(await storedSetting(room.id)).toBe(30);
    expect(await auditSince(mark)).toEqual([]);

    expect(await setAs(moderator, { slug: room.slug, seconds: "60" })).toEqual({
      status: "success",
      message: "Slow mode is on: one message every 1 min.",
    });
    expect(await setAs(admin, { slug: room.slug, seconds: "0" })).toEqual({
      status: "success",
      message: "Slow mode is off.",
    });
    expect(await storedSetting(room.id)).toBe(0);
    expect(await auditSince(mark)).toMatchObject([
      {
        actorId: moderator.id,
        actorUsername: moderator.username,
        action: "room.update",
        targetType: "room",
        targetId: room.id,
        targetLabel: room.name,
        detail: "slow mode: 30 s → 1 min",
      },
      { actorId: admin.id, action: "room.update", targetId: room.id, detail: "slow mode: 1 min → off" },
    ]);
  });

  it("answers a value that is not a choice, or no room, with a field error and changes nothing", async () => {
    const room = await newRoom(10);
    for (const seconds of ["7", "-5", "abc", "", "1e3", "30.5", "99999", " 301 "]) {
      const state = await setAs(host, { slug: room.slug, seconds });
      expect(state.status, seconds).toBe("error");
      expect(state.fields?.seconds, seconds).toBe("Choose one of: Off, 5 s, 10 s, 30 s, 1 min, 5 min.");
    }
    expect((await setAs(host, { slug: "Not A Room!", seconds: "5" })).fields?.slug).toBe("That is not a room address.");
    expect(await setAs(host, { slug: "no-such-room-here", seconds: "5" })).toMatchObject({
      status: "error",
      message: "This room no longer exists.",
    });
    expect(await storedSetting(room.id)).toBe(10);
  });

  it("is rate-limited per member (429 with the wait)", async () => {
    const room = await newRoom();
    const setter = await person("MODERATOR");
    for (let i = 0; i < LIMITS.roomSlowMode.points; i++) {
      await setSlowModeAs(setter, { slug: room.slug, seconds: i % 2 ? 5 : 10 });
    }
    const refused = await refusal(setSlowModeAs(setter, { slug: room.slug, seconds: 300 }));
    expect([refused.status, refused.code]).toEqual([429, "rate_limited:roomSlowMode"]);
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(await storedSetting(room.id)).not.toBe(300);
  });

  it("tells every open page through room:updated", async () => {
    const room = await newRoom();
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(room.id));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const events: unknown[] = [];
    channel.bind("room:updated", (data: unknown) => events.push(data));
    await setSlowModeAs(host, { slug: room.slug, seconds: 300 });
    const [event] = await eventually(() => (events.length > 0 ? events : undefined));
    expect(event).toMatchObject({ roomId: room.id, slug: room.slug, name: room.name, slowModeSeconds: 300 });
  });
});

describe("the send path in slow mode", () => {
  it("stores exactly one of 10 concurrent posts with distinct keys; the rest are 429 with the wait", async () => {
    const room = await newRoom(30);
    const post = (body: string, clientKey: string) =>
      answerSend({
        actor: Promise.resolve(member),
        slug: room.slug,
        text: JSON.stringify({ body, clientKey }),
        contentType: "application/json",
        socketIdHeader: null,
      });
    const keys = Array.from({ length: 10 }, () => randomUUID());
    const replies = await Promise.all(keys.map((key, i) => post(`burst ${i}`, key)));
    await Promise.all(replies.map((reply) => reply.delivered));
    const stored = replies.flatMap((reply, i) => (reply.status === 201 ? [{ reply, key: keys[i]!, i }] : []));
    expect(stored).toHaveLength(1);
    const refused = replies.filter((reply) => reply.status === 429);
    expect(refused).toHaveLength(9);
    for (const reply of refused) {
      const wait = Number(reply.headers?.["Retry-After"]);
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(30);
      expect(reply.body).toEqual({
        error: { code: "rate_limited:slow_mode", message: `Slow mode is on: you can send again in ${wait} s.` },
      });
    }
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(1);
    // Its retry (same key) is answered with the stored message, not refused.
    const [{ reply: first, key, i }] = stored as [(typeof stored)[number]];
    const retry = await post(`burst ${i}`, key);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });

  it("answers a retried key with the stored message (not a 429), and takes the next turn once the wait has passed", async () => {
    const room = await newRoom(30);
    const key = randomUUID();
    const first = await send(member, room.slug, key);
    expect(first.created).toBe(true);
    const refusedKey = randomUUID();
    expect(await outcome(send(member, room.slug, refusedKey))).toBe("429 rate_limited:slow_mode");

    const retry = await send(member, room.slug, key);
    expect(retry.created).toBe(false);
    expect(retry.message).toEqual(first.message);
    // The retry took no turn: the wait still counts from the first send.
    const wait = await refusal(send(member, room.slug));
    expect(wait.retryAfter).toBeGreaterThanOrEqual(29);

    await turnBack(member, room.id, 31);
    // The key refused before is a new message now, and takes the turn.
    expect(await outcome(send(member, room.slug, refusedKey))).toBe("created");
    expect(await outcome(send(member, room.slug))).toBe("429 rate_limited:slow_mode");
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(2);
    // Another member has a turn of their own.
    expect(await outcome(send(other, room.slug))).toBe("created");
  });

  it("counts from the page's point of view too: the viewer's wait survives a reload", async () => {
    const room = await newRoom(60);
    await send(member, room.slug);
    const view = await slowModeViewOf({ roomId: room.id, viewerId: member.id, exempt: false });
    expect(view.seconds).toBe(60);
    expect(view.waitMs).toBeGreaterThan(55_000);
    expect(view.waitMs).toBeLessThanOrEqual(60_000);
    await turnBack(member, room.id, 45);
    const later = await slowModeViewOf({ roomId: room.id, viewerId: member.id, exempt: false });
    expect(later.waitMs).toBeGreaterThan(10_000);
    expect(later.waitMs).toBeLessThanOrEqual(15_000);
    expect(await slowModeViewOf({ roomId: room.id, viewerId: other.id, exempt: false })).toEqual({
      seconds: 60,
      exempt: false,
      waitMs: 0,
    });
    expect((await slowModeViewOf({ roomId: room.id, viewerId: null, exempt: false })).waitMs).toBe(0);
  });

  it("exempts the host, moderators and admins", async () => {
    const room = await newRoom(300);
    for (const exempt of [host, moderator, admin]) {
      const results = await Promise.all([1, 2, 3].map(() => outcome(send(exempt, room.slug))));
      expect(results).toEqual(["created", "created", "created"]);
    }
    // They take no turn at all.
    expect(await db.rateLimit.count({ where: { key: { startsWith: "slowMode:", endsWith: room.id } } })).toBe(0);
  });

  it("lifts at once when turned off, and a shorter wait applies to the next send", async () => {
    const room = await newRoom(300);
    expect(await outcome(send(member, room.slug))).toBe("created");
    expect(await outcome(send(member, room.slug))).toBe("429 rate_limited:slow_mode");
    await turnBack(member, room.id, 10);
    expect(await outcome(send(member, room.slug))).toBe("429 rate_limited:slow_mode");
    // 10 s ago is longer ago than a 5 s wait.
    await setSlowModeAs(host, { slug: room.slug, seconds: 5 });
    expect(await outcome(send(member, room.slug))).toBe("created");
    expect(await outcome(send(member, room.slug))).toBe("429 rate_limited:slow_mode");
    await setSlowModeAs(host, { slug: room.slug, seconds: 0 });
    expect(await outcome(send(member, room.slug))).toBe("created");
    expect(await outcome(send(member, room.slug))).toBe("created");
  });

  it("takes no turn for a send refused for another reason (a locked room)", async () => {
    const room = await newRoom(30);
    await db.room.update({ where: { id: room.id }, data: { lockedAt: new Date() } });
    expect(await outcome(send(member, room.slug))).toBe("403 forbidden:room_locked");
    await db.room.update({ where: { id: room.id }, data: { lockedAt: null } });
    expect(await outcome(send(member, room.slug))).toBe("created");
    // The turn row lives as long as the longest wait, whatever the room's.
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `slowMode:${member.id}:${room.id}` } });
    expect(row.expire!.getTime() - Date.now()).toBeGreaterThan((SLOW_MODE_MAX_SECONDS - 5) * 1000);
  });
});
