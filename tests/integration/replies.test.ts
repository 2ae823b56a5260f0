// Replies (issue 16 item 2) through the send path and history: a reply is stored with its original and comes back with
// a one-line quote in the POST answer, the live event and every history read (latest, before, after, around, the room
// page); a deleted original is a 409 and another room's or an unknown one a 404 (nothing stored, no slow-mode turn
// taken), a malformed one a 400; a retried key answers the stored reply; the quote says "deleted" once the original
// is; visitors read quotes; and a page of 50 replies is still one statement.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import pg from "pg";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as historyRoute } from "@/app/api/rooms/[slug]/messages/route";
import { isTombstone, type ChatMessage, type HistoryEntry } from "@/lib/chat/message-payload";
import { deleteRoomMessage, editMessage, listHistory, sendMessage } from "@/lib/chat/messages";
import { answerSend } from "@/lib/chat/send-reply";
import { db, disconnectDb } from "@/lib/db/client";
import { findRoomWithLatestMessages, listMessages, listMessagesAround } from "@/lib/db/messages";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { person, refusal } from "../support/admin-fixtures";
import { eventually } from "../support/wait-for";

let alice: SessionUser;
let bob: SessionUser;
let host: SessionUser;

beforeAll(async () => {
  [alice, bob, host] = await Promise.all([
    person("MEMBER", { name: "Alice Quoted" }),
    person("MEMBER", { name: "Bob Replier" }),
    person("MEMBER"),
  ]);
});
afterAll(() => disconnectDb());

let rooms = 0;
async function newRoom(slowModeSeconds = 0) {
  const room = await createRoom({ name: `Replies ${++rooms}`, topicName: "Testing", description: "", hostId: host.id });
  if (slowModeSeconds) await db.room.update({ where: { id: room.id }, data: { slowModeSeconds } });
  return room;
}

const send = (actor: SessionUser, slug: string, body: string, replyTo?: unknown, clientKey = randomUUID()) =>
  sendMessage({ actor, slug, input: { body, clientKey, ...(replyTo === undefined ? {} : { replyTo }) } });

const messageOf = (entries: HistoryEntry[], id: number): ChatMessage => {
  const entry = entries.find((e) => e.id === id);
  if (!entry || isTombstone(entry)) throw new Error(`message ${id} not in the page`);
  return entry;
};

const quoteOfAlice = (id: number, excerpt: string) => ({
  id,
  authorName: "Alice Quoted",
  authorUsername: alice.username,
  excerpt,
  deleted: false,
});

describe("sending a reply", () => {
  it("stores replyToId and answers with the quote: author and a one-line excerpt without markdown", async () => {
    const room = await newRoom();
    const original = await send(alice, room.slug, `**Bold** start of a long\nmessage ${"word ".repeat(40)}`);
    const reply = await send(bob, room.slug, "I agree", original.message.id);
    expect(reply.created).toBe(true);
    const quote = reply.message.replyTo;
    expect(quote).toMatchObject({ id: original.message.id, authorName: "Alice Quoted", deleted: false });
    expect(quote?.excerpt.startsWith("Bold start of a long message word")).toBe(true);
    expect(Array.from(quote?.excerpt ?? "").length).toBeLessThanOrEqual(80);
    expect(quote?.excerpt.endsWith("…")).toBe(true);
    const stored = await db.message.findUniqueOrThrow({ where: { id: reply.message.id } });
    expect(stored.replyToId).toBe(original.message.id);
    // A message that replies to nothing says so.
    expect(original.message.replyTo).toBeNull();
  });

  it("answers the POST (the route's body) with the quote; a malformed replyTo is a 400 and stores nothing", async () => {
    const room = await newRoom();
    const original = await send(alice, room.slug, "the original");
    const post = (replyTo: unknown) =>
      answerSend({
        actor: Promise.resolve(bob),
        slug: room.slug,
        text: JSON.stringify({ body: "re", clientKey: randomUUID(), replyTo }),
        contentType: "application/json",
        socketIdHeader: null,
      });
    const ok = await post(original.message.id);
    expect(ok.status).toBe(201);
    expect((ok.body as ChatMessage).replyTo).toEqual(quoteOfAlice(original.message.id, "the original"));
    for (const bad of [0, -1, 1.5, "12", "abc", 2 ** 31, true, { id: 1 }]) {
      const answer = await post(bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain("replyTo");
    }
    // null is "no reply".
    expect((await post(null)).status).toBe(201);
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(3);
  });

  it("409 for a deleted original, 404 for another room's or an unknown one; nothing stored", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const gone = await send(alice, room.slug, "soon deleted");
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: gone.message.id });
    const elsewhere = await send(alice, other.slug, "in another room");

    const deleted = await refusal(send(bob, room.slug, "re", gone.message.id));
    expect([deleted.status, deleted.code, deleted.message]).toEqual([
      409,
      "conflict:reply_deleted",
      "The message you replied to was deleted.",
    ]);
    for (const id of [elsewhere.message.id, 2_000_000_000]) {
      const missing = await refusal(send(bob, room.slug, "re", id));
      expect([missing.status, missing.code, missing.message]).toEqual([
        404,
        "not_found:message",
        "The message you replied to isn't in this room.",
      ]);
    }
    expect(await db.message.count({ where: { roomId: room.id, authorId: bob.id } })).toBe(0);
  });

  it("a retried key answers the stored reply, also once its original is deleted", async () => {
    const room = await newRoom();
    const original = await send(alice, room.slug, "to be quoted");
    const clientKey = randomUUID();
    const first = await send(bob, room.slug, "quoting", original.message.id, clientKey);
    const retry = await send(bob, room.slug, "quoting", original.message.id, clientKey);
    expect(retry.created).toBe(false);
    expect(retry.message).toEqual(first.message);
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: original.message.id });
    const late = await send(bob, room.slug, "quoting", original.message.id, clientKey);
    expect([late.created, late.message.id]).toEqual([false, first.message.id]);
    expect(late.message.replyTo).toEqual({
      id: original.message.id,
      authorName: "",
      authorUsername: null,
      excerpt: "",
      deleted: true,
    });
    expect(await db.message.count({ where: { roomId: room.id } })).toBe(2);
  });

  it("in slow mode, a refused reply takes no turn: the next good send goes through", async () => {
    const room = await newRoom(60);
    const gone = await send(alice, room.slug, "deleted");
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: gone.message.id });
    expect((await refusal(send(bob, room.slug, "re", gone.message.id))).status).toBe(409);
    expect((await send(bob, room.slug, "a plain message")).created).toBe(true);
    const next = await refusal(send(bob, room.slug, "too soon", null));
    expect(next.code).toBe("rate_limited:slow_mode");
  });

  it("carries the quote in the live message:created event", async () => {
    const room = await newRoom();
    const original = await send(alice, room.slug, "live original");
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(room.id));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const events: ChatMessage[] = [];
    channel.bind("message:created", (data: ChatMessage) => events.push(data));
    const reply = await send(bob, room.slug, "live reply", original.message.id);
    await reply.delivered;
    const event = await eventually(() => events.find((e) => e.id === reply.message.id));
    expect(event.replyTo).toEqual(quoteOfAlice(original.message.id, "live original"));
  });
});

const clients: PusherClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

describe("the permission matrix of replying", () => {
  it("refuses visitors (401), the unverified and deactivated, the muted and banned, and a locked room (403)", async () => {
    const room = await newRoom();
    const original = await send(alice, room.slug, "the question");
    const reply = (actor: SessionUser | null) =>
      sendMessage({
        actor,
        slug: room.slug,
        input: { body: "re", clientKey: randomUUID(), replyTo: original.message.id },
      });
    const [unverified, muted, banned] = await Promise.all([
      person("MEMBER", { verified: false }),
      person("MEMBER"),
      person("MEMBER"),
    ]);
    const deactivated = { ...(await person("MEMBER")), deactivated: true };
    await db.roomRestriction.createMany({
      data: [
        { roomId: room.id, userId: muted.id, kind: "MUTE", until: new Date(Date.now() + 3_600_000), reason: "" },
        { roomId: room.id, userId: banned.id, kind: "BAN", until: null, reason: "" },
      ],
    });
    const refusals = [];
    for (const who of [null, unverified, deactivated, muted, banned]) {
      const refused = await refusal(reply(who));
      refusals.push([refused.status, refused.code]);
    }
    expect(refusals).toEqual([
      [401, "unauthorized"],
      [403, "forbidden:unverified"],
      [403, "forbidden:deactivated"],
      [403, "forbidden:muted"],
      [403, "forbidden:banned"],
    ]);
    await db.room.update({ where: { id: room.id }, data: { lockedAt: new Date() } });
    const locked = await refusal(reply(host));
    expect([locked.status, locked.code]).toEqual([403, "forbidden:room_locked"]);
    expect(await db.message.count({ where: { roomId: room.id, replyToId: original.message.id } })).toBe(0);
    await db.room.update({ where: { id: room.id }, data: { lockedAt: null } });
    // Members and the host may.
    for (const who of [bob, host]) expect((await reply(who)).message.replyTo?.id).toBe(original.message.id);
  });
});

describe("replies in history", () => {
  let room: { id: string; slug: string };
  let originalId: number;
  let replyIds: number[];

  beforeAll(async () => {
    room = await newRoom();
    originalId = (await send(alice, room.slug, "the _original_ question")).message.id;
    await db.message.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        roomId: room.id,
        authorId: bob.id,
        body: `reply ${i}`,
        replyToId: originalId,
      })),
    });
    replyIds = (await db.message.findMany({ where: { replyToId: originalId }, orderBy: { id: "asc" } })).map(
      (m) => m.id,
    );
  });

  const expected = () => quoteOfAlice(originalId, "the original question");

  it("latest, before, after and around pages carry each reply's quote", async () => {
    const latest = await listHistory({ slug: room.slug, query: {} });
    expect(latest.messages).toHaveLength(50);
    for (const id of replyIds.slice(-50)) expect(messageOf(latest.messages, id).replyTo).toEqual(expected());
    const before = await listHistory({ slug: room.slug, query: { before: String(replyIds[10]) } });
    expect(messageOf(before.messages, replyIds[0] as number).replyTo).toEqual(expected());
    expect(messageOf(before.messages, originalId).replyTo).toBeNull();
    const after = await listHistory({ slug: room.slug, query: { after: String(originalId), limit: "5" } });
    expect(after.messages.map((m) => m.id)).toEqual(replyIds.slice(0, 5));
    const around = await listHistory({ slug: room.slug, query: { around: String(replyIds[30]) } });
    expect(messageOf(around.messages, replyIds[30] as number).replyTo).toEqual(expected());
    expect(around.messages.map((m) => m.id)).toEqual([originalId, ...replyIds].slice(31 - 24, 31 + 26));
    const page = await findRoomWithLatestMessages(room.slug);
    expect(page?.messages.at(-1)?.replyTo).toMatchObject({ id: originalId, deleted: false });
    expect(page?.hasOlder).toBe(true);
  });

  it("visitors read the quotes (the GET has no session)", async () => {
    const response = await historyRoute(new NextRequest(`http://localhost/api/rooms/${room.slug}/messages?limit=3`), {
      params: Promise.resolve({ slug: room.slug }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { messages: ChatMessage[] };
    expect(body.messages.map((m) => m.replyTo)).toEqual([expected(), expected(), expected()]);
  });

  it("reads a page of 50 replies with their authors and quotes in one statement", async () => {
    const statements = await counted(() => listMessages({ roomId: room.id, limit: 50 }));
    expect(statements).toHaveLength(1);
    expect(
      await counted(() => listMessagesAround({ roomId: room.id, id: replyIds[30] as number, limit: 50 })),
    ).toHaveLength(1);
    // The room page: the room's own Prisma queries beside one statement for the messages.
    const page = await counted(() => findRoomWithLatestMessages(room.slug));
    expect(page.filter((text) => /FROM "Message"/.test(text))).toHaveLength(1);
  });

  it("an edit of the original changes the quote; after its deletion the quote says deleted, with no text", async () => {
    await editMessage({
      actor: alice,
      slug: room.slug,
      messageId: originalId,
      input: { body: "the *edited* question" },
    });
    const edited = await listHistory({ slug: room.slug, query: { limit: "1" } });
    expect((edited.messages[0] as ChatMessage).replyTo?.excerpt).toBe("the edited question");
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: originalId });
    const latest = await listHistory({ slug: room.slug, query: { limit: "2" } });
    for (const message of latest.messages) {
      expect((message as ChatMessage).replyTo).toEqual({
        id: originalId,
        authorName: "",
        authorUsername: null,
        excerpt: "",
        deleted: true,
      });
    }
    // An edit of a reply answers with its quote too (message:updated carries it).
    const [replyId] = replyIds.slice(-1);
    const reply = await db.message.update({ where: { id: replyId }, data: { authorId: bob.id } });
    const answer = await editMessage({ actor: bob, slug: room.slug, messageId: reply.id, input: { body: "changed" } });
    expect(answer.replyTo).toMatchObject({ id: originalId, deleted: true });
  });
});

/** The SQL texts a call sends to PostgreSQL (every statement goes through a pg Client). */
async function counted(call: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const query = pg.Client.prototype.query;
  const counting = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    texts.push(typeof first === "string" ? first : (first.text ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  };
  pg.Client.prototype.query = counting as typeof query;
  try {
    await call();
  } finally {
    pg.Client.prototype.query = query;
  }
  return texts;
}
