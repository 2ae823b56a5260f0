// Chat in a room through lib/chat (what the route handlers call, with the caller passed in):
// validation and refusals, idempotent sends, the per-room rate limit, live fan-out through
// soketi (sender's socket excluded), history and catch-up by id, edit/delete permissions,
// read positions and unread counts, and a send that is stored although soketi is unreachable.
import { randomUUID } from "node:crypto";
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authorizeChannel } from "@/lib/chat/channel-auth";
import { isTombstone, type ChatMessage } from "@/lib/chat/message-payload";
import { deleteRoomMessage, editMessage, listHistory, sendMessage } from "@/lib/chat/messages";
import { markRead, markRoomRead, unreadCounts, unreadTotal, UNREAD_COUNT_CAP } from "@/lib/chat/unread";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser, type SessionUser } from "@/lib/db/users";
import { log } from "@/lib/log";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig, serverRealtimeConfig } from "@/lib/realtime/config";
import { pusher, realtimeServerFor, type RealtimeServer } from "@/lib/realtime/server";
import { freePort } from "@/scripts/stack/ports";
import { eventually } from "../support/wait-for";
import { refusal } from "../support/admin-fixtures";

let alice: SessionUser;
let bob: SessionUser;
let hostUser: SessionUser;
let moderator: SessionUser;
let unverified: SessionUser;
let deactivated: SessionUser;

async function member(
  username: string,
  extra: { verified?: boolean; role?: "MODERATOR"; deactivated?: boolean } = {},
): Promise<SessionUser> {
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name: `${username[0]?.toUpperCase()}${username.slice(1)} Tester`,
    passwordHash: null,
    emailVerifiedAt: extra.verified === false ? null : new Date(),
    role: extra.role,
  });
  if (extra.deactivated) await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
  const user = await findSessionUser({ id });
  if (!user) throw new Error("user vanished");
  return user;
}

let roomCounter = 0;
async function newRoom(host: SessionUser = hostUser) {
  roomCounter++;
  const { id, slug } = await createRoom({
    name: `Chat room ${roomCounter}`,
    topicName: "Testing",
    description: "",
    hostId: host.id,
  });
  return { id, slug };
}

const send = (
  actor: SessionUser | null,
  slug: string,
  body: string,
  extra: { clientKey?: string; socketId?: string } = {},
) =>
  sendMessage({ actor, slug, input: { body, clientKey: extra.clientKey ?? randomUUID() }, socketId: extra.socketId });

// ---- realtime listeners (pusher-js, authorized through our own channel auth)

const clients: PusherClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

interface Listener {
  socketId: string;
  channel: Channel;
  events: Array<{ event: string; data: unknown }>;
}

async function listen(actor: SessionUser, roomId: string): Promise<Listener> {
  const client = createRealtimeClient(publicRealtimeConfig(), async ({ socketId, channelName }) =>
    authorizeChannel({ actor, input: { socket_id: socketId, channel_name: channelName } }),
  );
  clients.push(client);
  const channel = client.subscribe(roomChannel(roomId));
  await new Promise<void>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve());
    channel.bind("pusher:subscription_error", (e: unknown) =>
      reject(new Error(`subscription refused: ${JSON.stringify(e)}`)),
    );
  });
  const events: Listener["events"] = [];
  channel.bind_global((event: string, data: unknown) => {
    if (!event.startsWith("pusher")) events.push({ event, data });
  });
  return { socketId: client.connection.socket_id, channel, events };
}

const settle = () => new Promise((r) => setTimeout(r, 400));

beforeAll(async () => {
  [alice, bob, hostUser, moderator, unverified, deactivated] = await Promise.all([
    member("alice"),
    member("bob"),
    member("hosty"),
    member("mody", { role: "MODERATOR" }),
    member("newbie", { verified: false }),
    member("gone", { deactivated: true }),
  ]);
});
afterAll(() => disconnectDb());

describe("sendMessage: refusals", () => {
  it.each([
    ["an empty body", { body: "", clientKey: randomUUID() }, "body", "Write a message first."],
    ["a whitespace-only body", { body: "  \n\t ", clientKey: randomUUID() }, "body", "Write a message first."],
    [
      "a body over 4,000 characters",
      { body: "x".repeat(4001), clientKey: randomUUID() },
      "body",
      "Messages have at most 4,000 characters.",
    ],
    ["a body that is not a string", { body: 42, clientKey: randomUUID() }, "body", "Write a message first."],
    ["a missing clientKey", { body: "hi" }, "clientKey", undefined],
    [
      "a clientKey that is not a UUID",
      { body: "hi", clientKey: "abc" },
      "clientKey",
      "clientKey: clientKey must be a UUID",
    ],
    ["a body that is not an object", "hello", "form", undefined],
  ])("400 for %s, storing nothing", async (_what, input, field, message) => {
    const room = await newRoom();
    const error = await refusal(sendMessage({ actor: alice, slug: room.slug, input }));
    expect(error.status).toBe(400);
    expect(error.fields?.[field]).toBeTruthy();
    if (message) expect(error.message).toBe(message);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);
  });

  it("keeps exactly 4,000 characters", async () => {
    const room = await newRoom();
    const { message } = await send(alice, room.slug, "y".repeat(4000));
    expect(message.body).toHaveLength(4000);
  });

  it("400 for a socket id that is not Pusher's shape", async () => {
    const room = await newRoom();
    const error = await refusal(send(alice, room.slug, "hi", { socketId: "abc; drop" }));
    expect(error.status).toBe(400);
    expect(error.fields?.socketId).toMatch(/socket id/);
  });

  it("401 signed out, 403 unverified, 403 deactivated", async () => {
    const room = await newRoom();
    expect((await refusal(send(null, room.slug, "hi"))).status).toBe(401);
    const notVerified = await refusal(send(unverified, room.slug, "hi"));
    expect([notVerified.status, notVerified.code]).toEqual([403, "forbidden:unverified"]);
    const inactive = await refusal(send(deactivated, room.slug, "hi"));
    expect([inactive.status, inactive.code]).toEqual([403, "forbidden:deactivated"]);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(0);
  });

  it("404 for a room that does not exist", async () => {
    const error = await refusal(send(alice, "no-such-room", "hi"));
    expect([error.status, error.code]).toEqual([404, "not_found:room"]);
  });
});

describe("sendMessage: storing", () => {
  it("stores the message with everything needed to render it, and updates the room and the sender", async () => {
    const room = await newRoom();
    const before = await db.room.findUniqueOrThrow({ where: { id: room.id } });
    const { message, created } = await send(alice, room.slug, "  \nHello **room**, @bob\n  ");
    expect(created).toBe(true);
    expect(message).toEqual({
      id: expect.any(Number) as number,
      roomId: room.id,
      body: "Hello **room**, @bob",
      html: '<p>Hello <strong>room</strong>, <a href="/u/bob" class="mention">@bob</a></p>',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      editedAt: null,
      author: { id: alice.id, username: "alice", name: "Alice Tester", avatarUrl: null },
      replyTo: null,
    });
    const after = await db.room.findUniqueOrThrow({ where: { id: room.id } });
    expect(after.lastActivityAt.toISOString()).toBe(message.createdAt);
    expect(after.lastActivityAt.getTime()).toBeGreaterThanOrEqual(before.lastActivityAt.getTime());
    expect(after.participantCount).toBe(before.participantCount + 1);
    const participant = await db.participant.findUniqueOrThrow({
      where: { roomId_userId: { roomId: room.id, userId: alice.id } },
    });
    expect(participant.lastReadMessageId).toBe(message.id);
  });

  it("is idempotent on the client key: a retry answers the same message and stores no second row", async () => {
    const room = await newRoom();
    const clientKey = randomUUID();
    const first = await send(alice, room.slug, "once", { clientKey });
    const retry = await send(alice, room.slug, "once", { clientKey });
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.message).toEqual(first.message);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(1);
    expect((await db.room.findUniqueOrThrow({ where: { id: room.id } })).participantCount).toBe(2);
  });

  it("answers exactly what history later reads (times, author, avatar), and counts the sender once", async () => {
    const room = await newRoom();
    await db.avatar.create({ data: { userId: bob.id, mimeType: "image/png", data: Buffer.from([1, 2, 3]) } });
    try {
      const started = Date.now();
      const first = await send(bob, room.slug, "first");
      const second = await send(bob, room.slug, "second");
      expect(first.message.author?.avatarUrl).toMatch(new RegExp(`^/api/avatars/${bob.id}\\?v=\\d+$`));
      expect(Math.abs(Date.parse(first.message.createdAt) - started)).toBeLessThan(5_000);
      const page = await listHistory({ slug: room.slug, query: {} });
      // History adds what a send cannot have yet: the reactions (none).
      expect(page.messages).toEqual([first.message, second.message].map((m) => ({ ...m, reactions: [] })));

      const after = await db.room.findUniqueOrThrow({ where: { id: room.id } });
      expect(after.participantCount).toBe(2);
      expect(after.lastActivityAt.toISOString()).toBe(second.message.createdAt);
      const participant = await db.participant.findUniqueOrThrow({
        where: { roomId_userId: { roomId: room.id, userId: bob.id } },
      });
      expect(participant.lastReadMessageId).toBe(second.message.id);
    } finally {
      await db.avatar.delete({ where: { userId: bob.id } });
    }
  });

  it("keeps the participant count exact when many members post their first messages at once", async () => {
    const room = await newRoom();
    const crowd = await Promise.all(Array.from({ length: 8 }, (_, i) => member(`crowd${roomCounter}x${i}`)));
    const results = await Promise.all(
      crowd.flatMap((m) => [1, 2, 3].map((n) => send(m, room.slug, `${m.username} ${n}`))),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const stored = await db.room.findUniqueOrThrow({ where: { id: room.id } });
    expect(stored.participantCount).toBe(1 + crowd.length);
    expect(await db.participant.count({ where: { roomId: room.id } })).toBe(1 + crowd.length);
    const newest = Math.max(...results.map((r) => r.message.id));
    expect(stored.lastActivityAt.getTime()).toBe(Math.max(...results.map((r) => Date.parse(r.message.createdAt))));
    for (const m of crowd) {
      const own = results.filter((r) => r.message.author?.id === m.id).map((r) => r.message.id);
      const participant = await db.participant.findUniqueOrThrow({
        where: { roomId_userId: { roomId: room.id, userId: m.id } },
      });
      expect(participant.lastReadMessageId).toBe(Math.max(...own));
      expect(participant.lastReadMessageId).toBeLessThanOrEqual(newest);
    }
  });

  it("takes the session lookup as a promise: the same refusals, and a failing lookup is the error", async () => {
    const room = await newRoom();
    expect(
      (
        await sendMessage({
          actor: Promise.resolve(alice),
          slug: room.slug,
          input: { body: "hi", clientKey: randomUUID() },
        })
      ).created,
    ).toBe(true);
    expect(
      (
        await refusal(
          sendMessage({
            actor: Promise.resolve(null),
            slug: room.slug,
            input: { body: "hi", clientKey: randomUUID() },
          }),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await refusal(
          sendMessage({
            actor: Promise.resolve(alice),
            slug: "no-such-room",
            input: { body: "hi", clientKey: randomUUID() },
          }),
        )
      ).status,
    ).toBe(404);
    // Bad input is refused first, and the session lookup's failure does not go unhandled.
    expect(
      (
        await refusal(
          sendMessage({ actor: Promise.reject(new Error("database down")), slug: room.slug, input: { body: "" } }),
        )
      ).status,
    ).toBe(400);
    await expect(
      sendMessage({
        actor: Promise.reject(new Error("database down")),
        slug: room.slug,
        input: { body: "hi", clientKey: randomUUID() },
      }),
    ).rejects.toThrow("database down");
  });

  it("stores one row when the same send arrives several times at once", async () => {
    const room = await newRoom();
    const clientKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => send(alice, room.slug, "racing", { clientKey })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(1);
  });

  it("lets two members use the same client key (it is unique per author)", async () => {
    const room = await newRoom();
    const clientKey = randomUUID();
    const a = await send(alice, room.slug, "from alice", { clientKey });
    const b = await send(bob, room.slug, "from bob", { clientKey });
    expect(a.message.id).not.toBe(b.message.id);
  });

  it("409 for a client key already used in another room; 410 for a retry of a message since deleted", async () => {
    const [one, two] = [await newRoom(), await newRoom()];
    const clientKey = randomUUID();
    const { message } = await send(alice, one.slug, "here", { clientKey });
    expect((await refusal(send(alice, two.slug, "there", { clientKey }))).status).toBe(409);
    await deleteRoomMessage({ actor: alice, slug: one.slug, messageId: message.id });
    expect((await refusal(send(alice, one.slug, "here", { clientKey }))).status).toBe(410);
  });
});

describe("sendMessage: rate limit", () => {
  it("refuses the 11th message in 10 seconds per member and room, with Retry-After and a message", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const keys: string[] = [];
    for (let i = 0; i < 10; i++) {
      keys.push(randomUUID());
      await send(alice, room.slug, `message ${i}`, { clientKey: keys[i] });
    }
    const error = await refusal(send(alice, room.slug, "one too many"));
    expect(error.status).toBe(429);
    expect(error.code).toBe("rate_limited:message_post");
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(error.retryAfter).toBeLessThanOrEqual(10);
    expect(error.message).toMatch(/^You are sending messages too fast\. Wait \d+ seconds? and try again\.$/);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(10);

    // Someone else in the room, and the same member in another room, are not limited.
    expect((await send(bob, room.slug, "hi")).created).toBe(true);
    expect((await send(alice, other.slug, "hi")).created).toBe(true);
    // A retry of a stored message is still answered over the limit: only new messages wait.
    const retry = await send(alice, room.slug, "message 3", { clientKey: keys[3] });
    expect([retry.created, retry.message.body]).toEqual([false, "message 3"]);
    expect(await db.message.count({ where: { roomId: room.id, authorId: alice.id } })).toBe(10);
  });

  it("counts retries too: each one publishes its message again, so they must not be free", async () => {
    const room = await newRoom();
    const clientKey = randomUUID();
    for (let i = 0; i < 10; i++) await send(alice, room.slug, "once, then again and again", { clientKey });
    expect((await refusal(send(alice, room.slug, "a new one"))).status).toBe(429);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(1);
  });
});

describe("sendMessage: live", () => {
  it("triggers message:created on the room's channel to everyone but the sender's socket", async () => {
    const room = await newRoom();
    const sender = await listen(alice, room.id);
    const receiver = await listen(bob, room.id);
    const { message, delivered } = await send(alice, room.slug, "Live *hello*", { socketId: sender.socketId });
    expect(await delivered).toBe(true);
    const received = await eventually(() => receiver.events.find((e) => e.event === "message:created"));
    expect(received.data).toEqual(message);
    await settle();
    expect(sender.events).toEqual([]);
  });

  it("sends a reference instead when the full message would pass the 10 KB event limit", async () => {
    const room = await newRoom();
    const receiver = await listen(bob, room.id);
    // 4,000 "<" render as 4,000 "&lt;": 20 KB of HTML.
    const { message } = await send(alice, room.slug, "<".repeat(4000));
    const received = await eventually(() => receiver.events.find((e) => e.event === "message:created"));
    expect(received.data).toEqual({ id: message.id, roomId: room.id, incomplete: true });
  });

  it("stores and answers the message when the realtime server is unreachable", async () => {
    const room = await newRoom();
    const holder = globalThis as unknown as { roomfulPusher?: RealtimeServer };
    pusher();
    const real = holder.roomfulPusher;
    holder.roomfulPusher = realtimeServerFor({ ...serverRealtimeConfig(), port: String(await freePort()) });
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    try {
      const { message, created, delivered } = await send(alice, room.slug, "stored anyway");
      expect(created).toBe(true);
      expect(await db.message.findUnique({ where: { id: message.id } })).toMatchObject({ body: "stored anyway" });
      // The answer does not wait for the realtime server; its outcome comes after, logged.
      expect(await delivered).toBe(false);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ event: "message:created", messageId: message.id }),
        "realtime event not delivered",
      );
    } finally {
      holder.roomfulPusher = real;
      logged.mockRestore();
    }
    // Clients that missed the event find it on catch-up.
    const page = await listHistory({ slug: room.slug, query: {} });
    expect(page.messages.map((m) => m.id)).toHaveLength(1);
  });
});

describe("listHistory", () => {
  let room: { id: string; slug: string };
  let ids: number[];

  beforeAll(async () => {
    room = await newRoom();
    // 120 messages; createdAt runs backwards, so only ordering by id gives the right order.
    const start = Date.now();
    await db.message.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        roomId: room.id,
        authorId: i % 2 ? alice.id : bob.id,
        body: `m${i}`,
        createdAt: new Date(start - i * 1000),
      })),
    });
    ids = (await db.message.findMany({ where: { roomId: room.id }, orderBy: { id: "asc" }, select: { id: true } })).map(
      (m) => m.id,
    );
  });

  const idsOf = (page: { messages: Array<{ id: number }> }) => page.messages.map((m) => m.id);

  it("gives the latest 50 ascending, saying older ones exist", async () => {
    const page = await listHistory({ slug: room.slug, query: {} });
    expect(idsOf(page)).toEqual(ids.slice(-50));
    expect(page.hasMore).toBe(true);
  });

  it("pages back with before=<id> without gaps or duplicates", async () => {
    const seen: number[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const page = await listHistory({
        slug: room.slug,
        query: { before: before === undefined ? undefined : String(before), limit: "50" },
      });
      pages++;
      seen.unshift(...idsOf(page));
      if (!page.hasMore) break;
      before = page.messages[0]?.id;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);
  });

  it("catches up with after=<id> in id order, page by page, never by time", async () => {
    const from = ids[9] ?? 0;
    const seen: number[] = [];
    let after = from;
    for (;;) {
      const page = await listHistory({ slug: room.slug, query: { after: String(after), limit: "40" } });
      seen.push(...idsOf(page));
      if (!page.hasMore) break;
      after = page.messages.at(-1)?.id ?? after;
    }
    expect(seen).toEqual(ids.slice(10));
    const last = await listHistory({ slug: room.slug, query: { after: String(ids.at(-1)) } });
    expect(last).toMatchObject({ messages: [], hasMore: false });
  });

  it("returns deleted messages as tombstones without their text", async () => {
    const target = ids.at(-2) ?? 0;
    await db.message.update({ where: { id: target }, data: { deletedAt: new Date(), body: "" } });
    const page = await listHistory({ slug: room.slug, query: { after: String(ids.at(-3)) } });
    expect(page.messages[0]).toEqual({ id: target, deleted: true });
    expect(page.messages[0] && isTombstone(page.messages[0])).toBe(true);
    expect(page.messages[1]).toMatchObject({ id: ids.at(-1), body: "m119" });
  });

  it("with changedSince, gives the messages after `after` edited or deleted since then, page by page", async () => {
    // Stamped by hand, as the edit and delete paths do: an old change, then three recent ones.
    const long = new Date(Date.now() - 3_600_000);
    const [old, editedEarly, deleted, editedLate] = [ids[1], ids[4], ids[70], ids[110]] as number[];
    await db.message.update({ where: { id: old }, data: { body: "m1 (edited an hour ago)", editedAt: long } });
    // The moment a client last checked (earlier tests' changes are before it).
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    await pause();
    const since = (await listHistory({ slug: room.slug, query: { limit: "1" } })).at;
    await pause();
    await db.message.update({ where: { id: editedEarly }, data: { body: "m4 (edited)", editedAt: new Date() } });
    await db.message.update({ where: { id: deleted }, data: { body: "", deletedAt: new Date() } });
    await db.message.update({ where: { id: editedLate }, data: { body: "m110 (edited)", editedAt: new Date() } });

    // The whole room (after=0), two to a page: only what changed since, in id order.
    const seen: unknown[] = [];
    let after = 0;
    for (let pages = 1; ; pages++) {
      const page = await listHistory({
        slug: room.slug,
        query: { after: String(after), changedSince: since, limit: "2" },
      });
      seen.push(...page.messages);
      if (!page.hasMore) break;
      expect(pages).toBeLessThan(5);
      after = page.messages.at(-1)?.id ?? after;
    }
    expect(seen).toEqual([
      expect.objectContaining({ id: editedEarly, body: "m4 (edited)" }),
      { id: deleted, deleted: true },
      expect.objectContaining({ id: editedLate, body: "m110 (edited)" }),
    ]);
    // `after` bounds it to what the client holds.
    const held = await listHistory({ slug: room.slug, query: { after: String(deleted), changedSince: since } });
    expect(idsOf(held)).toEqual([editedLate]);
    // Nothing changed after the latest read.
    const later = await listHistory({
      slug: room.slug,
      query: { after: "0", changedSince: new Date(Date.now() + 1_000).toISOString() },
    });
    expect(later.messages).toEqual([]);
  });

  it("says when each page was read (the server's clock, for the next changedSince)", async () => {
    const before = Date.now();
    const page = await listHistory({ slug: room.slug, query: { limit: "1" } });
    expect(Date.parse(page.at)).toBeGreaterThanOrEqual(before - 5);
    expect(Date.parse(page.at)).toBeLessThanOrEqual(Date.now());
  });

  it("refuses before and after together, limits over 100 and junk with 400, an unknown room with 404", async () => {
    const changedSince = new Date().toISOString();
    for (const query of [
      { before: "5", after: "2" },
      { limit: "101" },
      { limit: "0" },
      { before: "abc" },
      { after: "-1" },
      { changedSince },
      { after: "0", changedSince: "yesterday" },
      { after: "0", changedSince: "2026-13-40T00:00:00Z" },
    ]) {
      expect((await refusal(listHistory({ slug: room.slug, query }))).status).toBe(400);
    }
    expect((await refusal(listHistory({ slug: "nope", query: {} }))).status).toBe(404);
  });

  it("copes with ids beyond PostgreSQL's integer range", async () => {
    expect(idsOf(await listHistory({ slug: room.slug, query: { before: "99999999999", limit: "5" } }))).toEqual(
      ids.slice(-5),
    );
    expect(await listHistory({ slug: room.slug, query: { after: "99999999999" } })).toMatchObject({
      messages: [],
      hasMore: false,
    });
  });
});

describe("editMessage", () => {
  it("lets the author edit: body, html and editedAt change, and message:updated goes out", async () => {
    const room = await newRoom();
    const receiver = await listen(bob, room.id);
    const { message } = await send(alice, room.slug, "frist");
    const edited = await editMessage({
      actor: alice,
      slug: room.slug,
      messageId: String(message.id),
      input: { body: "**first**" },
    });
    expect(edited).toMatchObject({
      id: message.id,
      body: "**first**",
      html: "<p><strong>first</strong></p>",
      createdAt: message.createdAt,
    });
    expect(edited.editedAt).not.toBeNull();
    const update = await eventually(() => receiver.events.find((e) => e.event === "message:updated"));
    expect(update.data).toEqual(edited);
  });

  it("leaves an unchanged body alone (not marked edited)", async () => {
    const room = await newRoom();
    const { message } = await send(alice, room.slug, "same");
    expect(
      (await editMessage({ actor: alice, slug: room.slug, messageId: message.id, input: { body: "same" } })).editedAt,
    ).toBeNull();
  });

  it("refuses others (403), the host and moderators included, and bad bodies (400)", async () => {
    const room = await newRoom();
    const { message } = await send(alice, room.slug, "mine");
    for (const actor of [bob, hostUser, moderator]) {
      expect(
        (await refusal(editMessage({ actor, slug: room.slug, messageId: message.id, input: { body: "theirs" } })))
          .status,
      ).toBe(403);
    }
    expect(
      (await refusal(editMessage({ actor: null, slug: room.slug, messageId: message.id, input: { body: "x" } })))
        .status,
    ).toBe(401);
    expect(
      (await refusal(editMessage({ actor: alice, slug: room.slug, messageId: message.id, input: { body: " " } })))
        .status,
    ).toBe(400);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).body).toBe("mine");
  });

  it("404 for a message of another room, an unknown or malformed id, or a deleted message", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const { message } = await send(alice, room.slug, "here");
    const edit = (slug: string, messageId: unknown) =>
      editMessage({ actor: alice, slug, messageId, input: { body: "new" } });
    expect((await refusal(edit(other.slug, message.id))).status).toBe(404);
    expect((await refusal(edit(room.slug, 2_000_000_000))).status).toBe(404);
    expect((await refusal(edit(room.slug, "99999999999"))).status).toBe(404);
    expect((await refusal(edit(room.slug, "abc"))).status).toBe(404);
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: message.id });
    expect((await refusal(edit(room.slug, message.id))).status).toBe(404);
  });
});

describe("deleteRoomMessage", () => {
  it("lets the author, the room's host and a moderator delete; the body is blanked and message:deleted goes out", async () => {
    const room = await newRoom();
    const receiver = await listen(bob, room.id);
    for (const actor of [alice, hostUser, moderator]) {
      const { message } = await send(alice, room.slug, `delete me (${actor.username})`);
      expect(await deleteRoomMessage({ actor, slug: room.slug, messageId: String(message.id) })).toEqual({
        id: message.id,
        roomId: room.id,
        deleted: true,
      });
      expect(await db.message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
        body: "",
        deletedAt: expect.any(Date) as Date,
      });
      const event = await eventually(() =>
        receiver.events.find(
          (e) => e.event === "message:deleted" && (e.data as { messageId: number }).messageId === message.id,
        ),
      );
      expect(event.data).toEqual({ roomId: room.id, messageId: message.id });
    }
  });

  it("refuses other members (403) and the signed out (401); deleting twice answers the same without a second event", async () => {
    const room = await newRoom();
    const { message } = await send(alice, room.slug, "stay");
    expect((await refusal(deleteRoomMessage({ actor: bob, slug: room.slug, messageId: message.id }))).status).toBe(403);
    expect((await refusal(deleteRoomMessage({ actor: null, slug: room.slug, messageId: message.id }))).status).toBe(
      401,
    );
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).deletedAt).toBeNull();

    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: message.id });
    const receiver = await listen(bob, room.id);
    expect(await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: message.id })).toMatchObject({
      deleted: true,
    });
    await settle();
    expect(receiver.events).toEqual([]);
  });

  it("lets a room's host delete only in their own room", async () => {
    const [room, bobsRoom] = [await newRoom(), await newRoom(bob)];
    const { message } = await send(alice, room.slug, "not bob's to delete");
    expect((await refusal(deleteRoomMessage({ actor: bob, slug: room.slug, messageId: message.id }))).status).toBe(403);
    const inBobsRoom = await send(alice, bobsRoom.slug, "bob may delete this");
    expect(
      (await deleteRoomMessage({ actor: bob, slug: bobsRoom.slug, messageId: inBobsRoom.message.id })).deleted,
    ).toBe(true);
  });
});

describe("unread", () => {
  it("counts others' live messages after the read position; reading moves it forward only", async () => {
    const room = await newRoom();
    const a1 = (await send(alice, room.slug, "a1")).message;
    const b: ChatMessage[] = [];
    for (let i = 0; i < 4; i++) b.push((await send(bob, room.slug, `b${i}`)).message);
    // alice read up to her own message: bob's four are unread.
    expect(await unreadCounts({ userId: alice.id, roomIds: [room.id] })).toEqual({ [room.id]: 4 });

    await deleteRoomMessage({ actor: bob, slug: room.slug, messageId: b[3]?.id });
    expect((await unreadCounts({ userId: alice.id, roomIds: [room.id] }))[room.id]).toBe(3);

    expect(await markRead({ roomId: room.id, userId: alice.id, messageId: b[1]?.id })).toBe(b[1]?.id);
    expect((await unreadCounts({ userId: alice.id, roomIds: [room.id] }))[room.id]).toBe(1);
    // Never backwards.
    expect(await markRead({ roomId: room.id, userId: alice.id, messageId: a1.id })).toBe(b[1]?.id);
    expect((await unreadCounts({ userId: alice.id, roomIds: [room.id] }))[room.id]).toBe(1);
    // Never past the room's latest message.
    expect(await markRead({ roomId: room.id, userId: alice.id, messageId: 2_000_000_000 })).toBe(b[3]?.id);
    expect((await unreadCounts({ userId: alice.id, roomIds: [room.id] }))[room.id]).toBe(0);
    // Her own new message does not count.
    await send(alice, room.slug, "a2");
    expect((await unreadCounts({ userId: alice.id, roomIds: [room.id] }))[room.id]).toBe(0);
  });

  it("is 0 for rooms one does not participate in, and reading them joins nothing", async () => {
    const room = await newRoom();
    await send(bob, room.slug, "hello");
    expect(await unreadCounts({ userId: moderator.id, roomIds: [room.id, "cnotaroom0000000000000000"] })).toEqual({
      [room.id]: 0,
      cnotaroom0000000000000000: 0,
    });
    expect(await markRead({ roomId: room.id, userId: moderator.id })).toBeNull();
    expect(await db.participant.count({ where: { roomId: room.id, userId: moderator.id } })).toBe(0);
  });

  it("totals over all rooms, each capped, and markRoomRead answers the new total", async () => {
    const carol = await member("carol");
    const [one, two] = [await newRoom(carol), await newRoom(carol)];
    await db.message.createMany({
      data: Array.from({ length: UNREAD_COUNT_CAP + 5 }, (_, i) => ({
        roomId: one.id,
        authorId: bob.id,
        body: `x${i}`,
      })),
    });
    await db.message.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ roomId: two.id, authorId: bob.id, body: `y${i}` })),
    });
    expect(await unreadCounts({ userId: carol.id, roomIds: [one.id, two.id] })).toEqual({
      [one.id]: UNREAD_COUNT_CAP,
      [two.id]: 3,
    });
    expect(await unreadTotal({ userId: carol.id })).toBe(UNREAD_COUNT_CAP + 3);

    expect(await markRoomRead({ actor: carol, slug: one.slug, input: undefined })).toMatchObject({ totalUnread: 3 });
    const latestInTwo = await db.message.findFirstOrThrow({ where: { roomId: two.id }, orderBy: { id: "desc" } });
    expect(await markRoomRead({ actor: carol, slug: two.slug, input: { messageId: latestInTwo.id - 1 } })).toEqual({
      lastReadMessageId: latestInTwo.id - 1,
      totalUnread: 1,
    });
  });

  it("markRoomRead refuses the signed out (401), bad ids (400) and unknown rooms (404)", async () => {
    const room = await newRoom();
    expect((await refusal(markRoomRead({ actor: null, slug: room.slug, input: {} }))).status).toBe(401);
    expect((await refusal(markRoomRead({ actor: alice, slug: room.slug, input: { messageId: "7" } }))).status).toBe(
      400,
    );
    expect((await refusal(markRoomRead({ actor: alice, slug: room.slug, input: { messageId: -1 } }))).status).toBe(400);
    expect((await refusal(markRoomRead({ actor: alice, slug: "nope", input: {} }))).status).toBe(404);
  });
});
