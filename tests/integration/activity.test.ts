// Activity at the data layer: the recent-activity feed (order, topic filter, deleted and
// anonymous messages, keyset pages), a member's own activity, and My activity's author-only soft
// delete (lib/chat's deleteMessage) with its live event.
import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decodeActivityCursor,
  encodeActivityCursor,
  findMyActivity,
  listActiveTopics,
  listRecentActivity,
} from "@/lib/db/activity";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import { createUser, findSessionUser } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { publishMessageDeleted } from "@/lib/realtime/events";
import { pusher } from "@/lib/realtime/server";

let alice: { id: string };
let bob: { id: string };
let python: { id: string; slug: string };
let calculus: { id: string; slug: string };
/** Message ids, oldest written first. */
const written: number[] = [];
const start = Date.now() - 3_600_000;

/** Inserts a message written `minute` minutes after `start` (its id follows insertion, not that time). */
async function insert(roomId: string, authorId: string | null, body: string, minute: number): Promise<number> {
  const { id } = await db.message.create({
    data: { roomId, authorId, body, createdAt: new Date(start + minute * 60_000) },
    select: { id: true },
  });
  return id;
}

/** A message written now-ish, after every other. */
async function write(roomId: string, authorId: string | null, body: string): Promise<number> {
  const id = await insert(roomId, authorId, body, 30 + written.length);
  written.push(id);
  return id;
}

beforeAll(async () => {
  alice = await createUser({
    email: "alice@activity.test",
    username: "alice_a",
    name: "Alice Activity",
    passwordHash: null,
  });
  bob = await createUser({ email: "bob@activity.test", username: "bob_a", name: "Bob Activity", passwordHash: null });
  python = await createRoom({ name: "Python basics", topicName: "Python", description: "", hostId: alice.id });
  calculus = await createRoom({ name: "Calculus club", topicName: "Calculus", description: "", hostId: bob.id });
  await write(calculus.id, bob.id, "first in calculus");
  await write(python.id, bob.id, "second in python");
  await write(calculus.id, alice.id, "second in calculus");
  await write(python.id, null, "from a deleted account");
  // Inserted last but written first (as imported or seeded history can be): listed last.
  written.unshift(await insert(python.id, alice.id, "first in python", 0));
});
afterAll(() => disconnectDb());

const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe("listRecentActivity", () => {
  it("lists the latest messages across rooms, newest written first, with room and author", async () => {
    const { items, olderCursor, newerCursor } = await listRecentActivity({ take: 10 });
    expect(ids(items)).toEqual([...written].reverse());
    expect(items[1]).toMatchObject({
      excerpt: "second in calculus",
      room: { slug: calculus.slug, name: "Calculus club", topic: { name: "Calculus", slug: "calculus" } },
      author: { id: alice.id, username: "alice_a", name: "Alice Activity" },
    });
    expect([olderCursor, newerCursor]).toEqual([null, null]);
  });

  it("keeps a deleted author's messages, without an author (Anonymous User)", async () => {
    const { items } = await listRecentActivity({ take: 1 });
    expect(items[0]).toMatchObject({ excerpt: "from a deleted account", author: null });
  });

  it("follows the topic filter; an unknown topic has no activity", async () => {
    const { items } = await listRecentActivity({ topicSlug: "calculus", take: 10 });
    expect(items.map((i) => i.excerpt)).toEqual(["second in calculus", "first in calculus"]);
    expect((await listRecentActivity({ topicSlug: "no-such-topic" })).items).toEqual([]);
  });

  it("pages by id, older and back newer, every message once", async () => {
    const first = await listRecentActivity({ take: 2 });
    expect(first.olderCursor).not.toBeNull();
    const second = await listRecentActivity({ take: 2, before: first.olderCursor ?? "" });
    const third = await listRecentActivity({ take: 2, before: second.olderCursor ?? "" });
    expect([...ids(first.items), ...ids(second.items), ...ids(third.items)]).toEqual([...written].reverse());
    expect(third.olderCursor).toBeNull();
    expect(third.newerCursor).not.toBeNull();

    const back = await listRecentActivity({ take: 2, after: third.newerCursor ?? "" });
    expect(ids(back.items)).toEqual(ids(second.items));
    // Reaching the newest: the latest full page, not a short one.
    const latest = await listRecentActivity({ take: 2, after: second.newerCursor ?? "" });
    expect(ids(latest.items)).toEqual(ids(first.items));
    expect(latest.newerCursor).toBeNull();
  });

  it("lists the topics written in lately, latest first", async () => {
    expect(await listActiveTopics()).toEqual([
      { name: "Python", slug: "python" },
      { name: "Calculus", slug: "calculus" },
    ]);
    expect(await listActiveTopics({ take: 1 })).toEqual([{ name: "Python", slug: "python" }]);
  });

  it("ignores a cursor it did not make", async () => {
    expect(decodeActivityCursor("12-x")).toBeNull();
    expect(ids((await listRecentActivity({ take: 2, before: "not-a-cursor" })).items)).toEqual(
      ids((await listRecentActivity({ take: 2 })).items),
    );
    const at = new Date(start + 62 * 60_000);
    expect(decodeActivityCursor(encodeActivityCursor({ at, id: 42 }))).toEqual({ at, id: 42 });
  });
});

describe("findMyActivity", () => {
  it("lists the rooms a member hosts and the messages they sent, newest first", async () => {
    const mine = await findMyActivity({ userId: alice.id });
    expect(mine.rooms.map((r) => r.slug)).toEqual([python.slug]);
    expect(mine.roomCount).toBe(1);
    expect(mine.messages.map((m) => m.excerpt)).toEqual(["second in calculus", "first in python"]);
    expect(mine.messageCount).toBe(2);
    expect(mine.messages[0]?.room).toEqual({ slug: calculus.slug, name: "Calculus club" });
  });
});

/** My activity's delete: lib/chat's deleteMessage, author only, for the member with this id. */
async function deleteMessageAsAuthor({ messageId, authorId }: { messageId: number; authorId: string }) {
  return deleteMessage({ actor: await findSessionUser({ id: authorId }), messageId, ownOnly: true });
}

describe("deleteMessage for My activity (author only)", () => {
  async function expectAppError(promise: Promise<unknown>, status: number, code: string) {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status, code });
  }

  it("refuses anyone but the author with a 403, and changes nothing", async () => {
    const id = await write(python.id, alice.id, "alice's words");
    await expectAppError(deleteMessageAsAuthor({ messageId: id, authorId: bob.id }), 403, "forbidden:message");
    expect(await db.message.findUniqueOrThrow({ where: { id } })).toMatchObject({
      body: "alice's words",
      deletedAt: null,
    });
  });

  it("refuses a deleted account's message (nobody is its author) and answers 404 for an unknown id", async () => {
    const orphan = await write(python.id, null, "orphaned");
    await expectAppError(deleteMessageAsAuthor({ messageId: orphan, authorId: alice.id }), 403, "forbidden:message");
    await expectAppError(
      deleteMessageAsAuthor({ messageId: 2_000_000_000, authorId: alice.id }),
      404,
      "not_found:message",
    );
  });

  it("soft-deletes for the author: the body is blanked, the row stays, the feeds leave it out", async () => {
    const id = await write(calculus.id, alice.id, "something to take back");
    expect(await deleteMessageAsAuthor({ messageId: id, authorId: alice.id })).toEqual({
      id,
      roomId: calculus.id,
      changed: true,
      // Nobody had reported it: no report was resolved by this deletion.
      reporterIds: [],
    });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row.body).toBe("");
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(ids((await listRecentActivity({ take: 50 })).items)).not.toContain(id);
    expect(ids((await findMyActivity({ userId: alice.id })).messages)).not.toContain(id);
    // A second delete (another tab) is harmless.
    expect(await deleteMessageAsAuthor({ messageId: id, authorId: alice.id })).toEqual({
      id,
      roomId: calculus.id,
      changed: false,
      reporterIds: [],
    });
  });
});

describe("publishMessageDeleted", () => {
  let client: PusherClient | undefined;
  afterAll(() => client?.disconnect());

  it("sends message:deleted with the room and message ids on the room's channel", async () => {
    client = createRealtimeClient(publicRealtimeConfig(), async ({ socketId, channelName }) =>
      pusher().authorizeChannel(socketId, channelName, {
        user_id: alice.id,
        user_info: { name: "Alice", username: "alice_a" },
      }),
    );
    const channel: Channel = client.subscribe(roomChannel(python.id));
    await new Promise<void>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", () => reject(new Error("subscription refused")));
    });
    const received = new Promise((resolve) => channel.bind("message:deleted", resolve));
    await publishMessageDeleted({ roomId: python.id, messageId: 7 });
    expect(await received).toEqual({ roomId: python.id, messageId: 7 });
  });
});
