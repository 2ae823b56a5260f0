// Reactions (lib/chat/reactions.ts, lib/db/reactions.ts): the permission matrix (visitor 401; unverified, deactivated,
// muted, banned, a locked room 403; members, hosts, moderators and admins may), bad input (an emoji outside the
// catalogue 400, another room's or an unknown message 404, a deleted one 409, the 21st kind 409, also under
// concurrency), toggling with counts and names, history pages carrying them with the reader's own marked, a deleted
// message losing them, the live `reaction:updated`, and the member's rate limit. History pages carry counts; GET
// …/reactions names who reacted.
import { NextRequest } from "next/server";
import type PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { GET as getReactions, POST as postReaction } from "@/app/api/rooms/[slug]/messages/[id]/reactions/route";
import { GET as getHistory } from "@/app/api/rooms/[slug]/messages/route";
import { LIMITS } from "@/lib/auth/rate-limit";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { deleteMessage } from "@/lib/chat/message-deletion";
import { historyPageSchema, isTombstone, type ChatMessage, type ReactionGroup } from "@/lib/chat/message-payload";
import { reactToMessage } from "@/lib/chat/reactions";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { QUICK_REACTIONS, REACTION_KINDS_LIMIT, REACTOR_NAMES } from "@/lib/reactions/reaction-rules";
import { createRealtimeClient } from "@/lib/realtime/browser-client";
import { roomChannel } from "@/lib/realtime/channels";
import { publicRealtimeConfig } from "@/lib/realtime/config";
import { reactionUpdatedSchema } from "@/lib/realtime/event-schemas";
import { person, refusal, resetLimit, roomCast } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";
import { eventually } from "../support/wait-for";

const [THUMBS, HEART, LAUGH] = QUICK_REACTIONS;

let host: SessionUser;
let member: SessionUser;
let moderator: SessionUser;
let admin: SessionUser;

beforeAll(async () => ({ host, member, moderator, admin } = await roomCast()));
afterAll(() => disconnectDb());
// Each test starts with a full allowance; the limit has a test of its own.
beforeEach(() => resetLimit("messageReact"));

let rooms = 0;
async function newRoom() {
  return createRoom({ name: `Reactions ${++rooms}`, topicName: "Testing", description: "", hostId: host.id });
}

async function post(roomId: string, body = "React to me") {
  return db.message.create({ data: { roomId, authorId: member.id, body }, select: { id: true } });
}

const react = (actor: SessionUser | null, slug: string, messageId: number, emoji: string, on = true) =>
  reactToMessage({ actor, slug, messageId, input: { emoji, on } });

const stored = async (messageId: number) =>
  (await db.reaction.findMany({ where: { messageId }, orderBy: { createdAt: "asc" } })).map((r) => [r.emoji, r.userId]);

/** The route, as `caller` (null: signed out). */
async function viaRoute(caller: SessionUser | null, slug: string, id: string | number, body: unknown) {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const request = new NextRequest(`http://localhost/api/rooms/${slug}/messages/${id}/reactions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await postReaction(request, { params: Promise.resolve({ slug, id: String(id) }) });
  return { status: response.status, body: await response.json() };
}

describe("the permission matrix of reacting", () => {
  it("lets members, the host, moderators and admins react, and refuses visitors with 401", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (const who of [member, host, moderator, admin]) await react(who, room.slug, id, THUMBS);
    expect((await stored(id)).map(([, userId]) => userId)).toEqual([member.id, host.id, moderator.id, admin.id]);
    const anonymous = await viaRoute(null, room.slug, id, { emoji: THUMBS, on: true });
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "unauthorized"]);
  });

  it("refuses the unverified, the deactivated, the muted, the banned and everyone in a locked room, storing nothing", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const unverified = await person("MEMBER", { verified: false });
    const deactivated = { ...(await person("MEMBER")), deactivated: true };
    const [muted, banned] = await Promise.all([person("MEMBER"), person("MEMBER")]);
    const until = new Date(Date.now() + 60 * 60_000);
    await db.roomRestriction.createMany({
      data: [
        { roomId: room.id, userId: muted.id, kind: "MUTE", until, reason: "Cool down", createdById: moderator.id },
        { roomId: room.id, userId: banned.id, kind: "BAN", until: null, reason: "Spam", createdById: moderator.id },
      ],
    });
    const codes = [];
    for (const who of [unverified, deactivated, muted, banned]) {
      const refused = await refusal(react(who, room.slug, id, THUMBS));
      codes.push([refused.status, refused.code]);
    }
    expect(codes).toEqual([
      [403, "forbidden:unverified"],
      [403, "forbidden:deactivated"],
      [403, "forbidden:muted"],
      [403, "forbidden:banned"],
    ]);
    await db.room.update({ where: { id: room.id }, data: { lockedAt: new Date() } });
    for (const who of [member, host, moderator]) {
      const locked = await refusal(react(who, room.slug, id, THUMBS));
      expect([locked.status, locked.code]).toEqual([403, "forbidden:room_locked"]);
    }
    expect(await stored(id)).toEqual([]);
  });
});

describe("bad input", () => {
  it("answers 400 with the reason for an emoji outside the catalogue, an empty one or a wrong type", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (const body of [
      { emoji: "🫩", on: true },
      { emoji: "hello", on: true },
      { emoji: "👍👍", on: true },
      { emoji: "", on: true },
      { emoji: 5, on: true },
      { emoji: THUMBS, on: "yes" },
      { emoji: THUMBS },
      "not json",
    ]) {
      const answer = await viaRoute(member, room.slug, id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.message).toMatch(/emoji|on must be|JSON/i);
    }
    expect(await stored(id)).toEqual([]);
  });

  it("answers 404 for another room's message, an unknown id and an unknown room, and 409 for a deleted message", async () => {
    const [room, other] = [await newRoom(), await newRoom()];
    const foreign = await post(other.id);
    for (const [slug, id] of [
      [room.slug, foreign.id],
      [room.slug, 2_147_483_000],
      [room.slug, "abc"],
      ["no-such-room-here", foreign.id],
    ] as const) {
      const answer = await viaRoute(member, slug, id, { emoji: THUMBS, on: true });
      expect(answer.status, `${slug} ${id}`).toBe(404);
    }
    const gone = await post(room.id);
    await deleteMessage({ actor: member, slug: room.slug, messageId: gone.id });
    const deleted = await viaRoute(member, room.slug, gone.id, { emoji: THUMBS, on: true });
    expect([deleted.status, deleted.body.error.code]).toEqual([409, "conflict:message_deleted"]);
    expect(deleted.body.error.message).toBe("This message was deleted, so it takes no reactions.");
    expect(await stored(foreign.id)).toEqual([]);
  });

  it(`holds ${REACTION_KINDS_LIMIT} kinds: a new one past them is refused, one of them may still be added`, async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const catalogue = (await import("@/lib/reactions/emoji-catalog.json")).default.emoji.map(([emoji]) => emoji);
    for (const emoji of catalogue.slice(0, REACTION_KINDS_LIMIT)) await react(member, room.slug, id, emoji as string);
    const refused = await refusal(react(host, room.slug, id, catalogue[REACTION_KINDS_LIMIT] as string));
    expect([refused.status, refused.code]).toEqual([409, "conflict:reaction_limit"]);
    expect(refused.message).toMatch(/up to 20 kinds/);
    const more = await react(host, room.slug, id, catalogue[0] as string);
    expect(more.reaction).toMatchObject({ count: 2, mine: true });
  });

  it("ends at the limit when new kinds arrive at once", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const catalogue = (await import("@/lib/reactions/emoji-catalog.json")).default.emoji.map(([emoji]) => emoji);
    for (const emoji of catalogue.slice(0, REACTION_KINDS_LIMIT - 2))
      await react(member, room.slug, id, emoji as string);
    const racers = await Promise.allSettled(
      catalogue
        .slice(100, 106)
        .map((emoji, i) => react([host, moderator, admin][i % 3]!, room.slug, id, emoji as string)),
    );
    expect(racers.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(new Set((await stored(id)).map(([emoji]) => emoji)).size).toBe(REACTION_KINDS_LIMIT);
  });
});

describe("toggling, summaries and history", () => {
  it("numbers the changes of a message in the order they were made, so the highest carries the final count", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const reactors = [host, member, moderator, admin];
    // At once: each change's summary is read during its turn, and its number taken then.
    const results = await Promise.all(reactors.map((actor) => react(actor, room.slug, id, HEART)));
    const byVersion = [...results].sort((a, b) => a.version - b.version);
    expect(new Set(results.map((r) => r.version)).size).toBe(reactors.length);
    expect(byVersion.map((r) => r.reaction.count)).toEqual([1, 2, 3, 4]);
    const back = await react(member, room.slug, id, HEART, false);
    expect(back.version).toBeGreaterThan(byVersion.at(-1)?.version ?? Infinity);
    expect(back.reaction.count).toBe(3);
  });

  it("counts each member once per emoji, names the earliest, and takes a reaction back", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    expect((await react(member, room.slug, id, "👍")).reaction).toEqual({
      emoji: THUMBS,
      count: 1,
      reactors: [{ name: member.name, username: member.username }],
      mine: true,
    });
    // Again (a double click, a retry): nothing changes.
    expect((await react(member, room.slug, id, THUMBS)).reaction.count).toBe(1);
    const second = await react(host, room.slug, id, THUMBS);
    expect(second.reaction.reactors.map((r) => r.username)).toEqual([member.username, host.username]);
    const back = await react(member, room.slug, id, THUMBS, false);
    expect(back.reaction).toEqual({
      emoji: THUMBS,
      count: 1,
      reactors: [{ name: host.name, username: host.username }],
      mine: false,
    });
    expect((await react(host, room.slug, id, THUMBS, false)).reaction).toEqual({
      emoji: THUMBS,
      count: 0,
      reactors: [],
      mine: false,
    });
    expect((await react(host, room.slug, id, THUMBS, false)).reaction.count).toBe(0);
    expect(await stored(id)).toEqual([]);
  });

  it(`carries counts in history pages with the reader's own marked; GET …/reactions names ${REACTOR_NAMES} each`, async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const plain = await post(room.id, "No reactions here");
    const crowd = await Promise.all(Array.from({ length: REACTOR_NAMES + 2 }, () => person("MEMBER")));
    for (const who of crowd) await react(who, room.slug, id, HEART);
    await react(member, room.slug, id, LAUGH);
    await react(member, room.slug, id, HEART);

    const cookieOf = async (reader: SessionUser | null) =>
      reader ? `${sessionCookieName()}=${await sessionTokenFor(reader)}` : "";
    const page = async (reader: SessionUser | null) => {
      const request = new NextRequest(`http://localhost/api/rooms/${room.slug}/messages`, {
        headers: { cookie: await cookieOf(reader) },
      });
      const response = await getHistory(request, { params: Promise.resolve({ slug: room.slug }) });
      const messages = historyPageSchema.parse(await response.json()).messages.filter((m) => !isTombstone(m));
      return new Map((messages as ChatMessage[]).map((m) => [m.id, m.reactions]));
    };
    const asMember = await page(member);
    expect(asMember.get(plain.id)).toEqual([]);
    expect(asMember.get(id)).toEqual([
      { emoji: HEART, count: REACTOR_NAMES + 3, mine: true, reactors: [] },
      { emoji: LAUGH, count: 1, mine: true, reactors: [] },
    ]);
    expect((await page(null)).get(id)!.map((g) => g.mine)).toEqual([false, false]);
    expect((await page(crowd[0]!)).get(id)!.map((g) => g.mine)).toEqual([true, false]);

    const names = async (reader: SessionUser | null, messageId: number | string = id) => {
      const request = new NextRequest(`http://localhost/api/rooms/${room.slug}/messages/${messageId}/reactions`, {
        headers: { cookie: await cookieOf(reader) },
      });
      const response = await getReactions(request, {
        params: Promise.resolve({ slug: room.slug, id: `${messageId}` }),
      });
      return { status: response.status, body: await response.json() };
    };
    const named = await names(null);
    expect(named.status).toBe(200);
    const [heart, laugh] = named.body.reactions as ReactionGroup[];
    expect(heart).toMatchObject({ emoji: HEART, count: REACTOR_NAMES + 3, mine: false });
    expect(heart!.reactors.map((r) => r.username)).toEqual(crowd.slice(0, REACTOR_NAMES).map((c) => c.username));
    expect(laugh).toEqual({
      emoji: LAUGH,
      count: 1,
      mine: false,
      reactors: [{ name: member.name, username: member.username }],
    });
    expect(((await names(member)).body.reactions as ReactionGroup[]).map((g) => g.mine)).toEqual([true, true]);
    expect((await names(null, plain.id)).body.reactions).toEqual([]);
    // Bad targets, as for reacting.
    expect((await names(null, 2_147_483_000)).status).toBe(404);
    expect((await names(null, "abc")).status).toBe(404);
    const gone = await post(room.id);
    await deleteMessage({ actor: member, slug: room.slug, messageId: gone.id });
    expect((await names(null, gone.id)).body.error.code).toBe("conflict:message_deleted");
  });

  it("drops a message's reactions when it is deleted", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    await react(host, room.slug, id, THUMBS);
    await deleteMessage({ actor: member, slug: room.slug, messageId: id });
    expect(await stored(id)).toEqual([]);
  });
});

describe("live and limited", () => {
  const clients: PusherClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("tells every reader through reaction:updated, adding and taking back, and nothing for a change that is none", async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    const reader = createRealtimeClient(publicRealtimeConfig());
    clients.push(reader);
    const channel = reader.subscribe(roomChannel(room.id));
    await new Promise<void>((resolve) => channel.bind("pusher:subscription_succeeded", () => resolve()));
    const events: unknown[] = [];
    channel.bind("reaction:updated", (data: unknown) => events.push(data));
    await react(host, room.slug, id, THUMBS);
    await react(host, room.slug, id, THUMBS);
    await react(host, room.slug, id, THUMBS, false);
    const [added, removed] = await eventually(() => (events.length > 1 ? events : undefined));
    expect(reactionUpdatedSchema.parse(added)).toEqual({
      roomId: room.id,
      messageId: id,
      emoji: THUMBS,
      count: 1,
      reactors: [{ name: host.name, username: host.username }],
      actorId: host.id,
      on: true,
      version: expect.any(Number) as number,
    });
    const taken = reactionUpdatedSchema.parse(removed);
    expect(taken).toMatchObject({ count: 0, reactors: [], on: false });
    expect(taken.version).toBeGreaterThan(reactionUpdatedSchema.parse(added).version);
    expect(events).toHaveLength(2);
  });

  it(`allows ${LIMITS.messageReact.points} changes a minute per member, then 429 with the wait`, async () => {
    const room = await newRoom();
    const { id } = await post(room.id);
    for (let i = 0; i < LIMITS.messageReact.points; i++) await react(moderator, room.slug, id, THUMBS, i % 2 === 0);
    const refused = await refusal(react(moderator, room.slug, id, THUMBS));
    expect([refused.status, refused.code]).toEqual([429, "rate_limited:messageReact"]);
    expect(refused.retryAfter).toBeGreaterThan(0);
  });
});
