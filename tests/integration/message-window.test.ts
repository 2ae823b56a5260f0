// Jumping to a message (issue 16 item 1) through the history API: `around=<id>` gives a window centred on it with
// the edges it has (start, middle and end of a room), `after=` pages down from it to the newest without gaps or
// duplicates, `before=` pages up, another room's or a missing id is a 404, bad or conflicting parameters a 400,
// and visitors read it as they read `before=` (the GET has no session). The room page's `?m=` reader too.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJumpParam } from "@/app/(main)/rooms/[slug]/_components/jump-param";
import { GET as historyRoute } from "@/app/api/rooms/[slug]/messages/route";
import { isTombstone, type HistoryPage } from "@/lib/chat/message-payload";
import { listHistory } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { listMessagesAround } from "@/lib/db/messages";
import { createRoom } from "@/lib/db/rooms";
import { createUser } from "@/lib/db/users";
import { MAX_MESSAGE_ID } from "@/lib/validation/messages";
import { refusal } from "../support/admin-fixtures";

const ROOM_SIZE = 600;

let room: { id: string; slug: string };
let other: { id: string; slug: string };
let ids: number[];
let otherIds: number[];

async function fill(roomId: string, authorId: string, count: number): Promise<number[]> {
  const start = Date.now();
  await db.message.createMany({
    // createdAt runs backwards: only ordering by id gives the right order.
    data: Array.from({ length: count }, (_, i) => ({
      roomId,
      authorId,
      body: `m${i}`,
      createdAt: new Date(start - i),
    })),
  });
  const rows = await db.message.findMany({ where: { roomId }, orderBy: { id: "asc" }, select: { id: true } });
  return rows.map((m) => m.id);
}

beforeAll(async () => {
  const { id: authorId } = await createUser({
    email: "windowed@example.test",
    username: "windowed",
    name: "Windowed Writer",
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
  const make = (name: string) => createRoom({ name, topicName: "Testing", description: "", hostId: authorId });
  [room, other] = await Promise.all([make("Window room"), make("Other window room")]);
  ids = await fill(room.id, authorId, ROOM_SIZE);
  otherIds = await fill(other.id, authorId, 5);
});
afterAll(() => disconnectDb());

const idsOf = (page: { messages: Array<{ id: number }> }) => page.messages.map((m) => m.id);
const at = (i: number) => ids.at(i) as number;
const around = (id: number | string, extra: Record<string, string> = {}) =>
  listHistory({ slug: room.slug, query: { around: String(id), ...extra } });

async function viaRoute(slug: string, query: string) {
  // No cookie: a visitor.
  const response = await historyRoute(new NextRequest(`http://localhost/api/rooms/${slug}/messages?${query}`), {
    params: Promise.resolve({ slug }),
  });
  return { status: response.status, cacheControl: response.headers.get("Cache-Control"), body: await response.json() };
}

describe("around=<id>: a window centred on the message", () => {
  it("in the middle: 24 before, the message, 25 after, with more either way", async () => {
    const page = await around(at(300));
    expect(idsOf(page)).toEqual(ids.slice(276, 326));
    expect(page).toMatchObject({ hasOlder: true, hasNewer: true, hasMore: true });
  });

  it("at the start of the room: nothing older", async () => {
    const page = await around(at(0));
    expect(idsOf(page)).toEqual(ids.slice(0, 26));
    expect(page).toMatchObject({ hasOlder: false, hasNewer: true });
    const second = await around(at(10));
    expect(idsOf(second)).toEqual(ids.slice(0, 36));
    expect(second).toMatchObject({ hasOlder: false, hasNewer: true });
  });

  it("at the end of the room: nothing newer, so the window is the live end", async () => {
    const page = await around(at(-1));
    expect(idsOf(page)).toEqual(ids.slice(-25));
    expect(page).toMatchObject({ hasOlder: true, hasNewer: false });
    // Exactly as many after it as fit: still the end.
    const edge = await around(at(-26));
    expect(idsOf(edge)).toEqual(ids.slice(-50));
    expect(edge.hasNewer).toBe(false);
    expect((await around(at(-27))).hasNewer).toBe(true);
  });

  it("honours limit, and a limit of 1 is the message alone with both edges known", async () => {
    expect(idsOf(await around(at(300), { limit: "10" }))).toEqual(ids.slice(296, 306));
    const alone = await around(at(300), { limit: "1" });
    expect(alone).toMatchObject({ hasOlder: true, hasNewer: true });
    expect(idsOf(alone)).toEqual([at(300)]);
  });

  it("opens a deleted message where it was, as a tombstone", async () => {
    const target = at(200);
    await db.message.update({ where: { id: target }, data: { deletedAt: new Date(), body: "" } });
    const page = await around(target);
    expect(idsOf(page)).toEqual(ids.slice(176, 226));
    const entry = page.messages.find((m) => m.id === target);
    expect(entry).toEqual({ id: target, deleted: true });
    expect(entry && isTombstone(entry)).toBe(true);
  });
});

describe("paging out of a window", () => {
  it("jumps 500 messages back, then pages down with after= to the newest: no gaps, no duplicates", async () => {
    const start = ROOM_SIZE - 500;
    const first = await around(at(start));
    expect(first.hasNewer).toBe(true);
    const seen = idsOf(first);
    let last: HistoryPage = first;
    let pages = 0;
    while (last.hasNewer) {
      last = await listHistory({ slug: room.slug, query: { after: String(seen.at(-1)), limit: "50" } });
      pages++;
      seen.push(...idsOf(last));
    }
    expect(seen).toEqual(ids.slice(start - 24));
    expect(new Set(seen).size).toBe(seen.length);
    // 474 after the window: nine full pages and one of 24.
    expect(pages).toBe(10);
    expect(last).toMatchObject({ hasNewer: false, hasMore: false });
  });

  it("pages up with before= from the window's first message to the start", async () => {
    const first = await around(at(120));
    const seen = idsOf(first);
    let older = first.hasOlder;
    while (older) {
      const page = await listHistory({ slug: room.slug, query: { before: String(seen[0]), limit: "50" } });
      seen.unshift(...idsOf(page));
      older = page.hasOlder === true;
      expect(page.hasOlder).toBe(page.hasMore);
    }
    expect(seen).toEqual(ids.slice(0, 146));
  });

  it("leaves the latest page's shape as it was: its end is the live end, hasMore the older side", async () => {
    const latest = await listHistory({ slug: room.slug, query: {} });
    expect(idsOf(latest)).toEqual(ids.slice(-50));
    expect(Object.keys(latest).sort()).toEqual(["at", "hasMore", "messages"]);
    expect(latest.hasMore).toBe(true);
  });
});

describe("ids this room does not hold", () => {
  it.each([
    ["another room's message", () => otherIds[2] as number],
    ["a message that does not exist", () => MAX_MESSAGE_ID],
    ["an id past the newest", () => (ids.at(-1) ?? 0) + 1_000_000],
  ])("%s is a 404 not_found:message", async (_, id) => {
    const error = await refusal(around(id()));
    expect(error).toMatchObject({
      code: "not_found:message",
      status: 404,
      message: "That message isn't in this room.",
    });
  });

  it("the data layer answers null for them, and the window for its own room", async () => {
    const otherId = otherIds[2] as number;
    expect(await listMessagesAround({ roomId: room.id, id: otherId, limit: 50 })).toBeNull();
    expect(await listMessagesAround({ roomId: room.id, id: MAX_MESSAGE_ID + 1, limit: 50 })).toBeNull();
    const window = await listMessagesAround({ roomId: other.id, id: otherId, limit: 50 });
    expect(window?.messages.map((m) => m.id)).toEqual(otherIds);
    expect(window).toMatchObject({ hasOlder: false, hasNewer: false });
  });
});

describe("bad parameters", () => {
  it.each(["abc", "-1", "0", "1.5", "", " ", String(MAX_MESSAGE_ID + 1), "99999999999999999999999", "1e400"])(
    "around=%j is a 400 naming around",
    async (value) => {
      const error = await refusal(around(value));
      expect(error.status).toBe(400);
      expect(error.code).toMatch(/^invalid/);
      expect(error.message).toMatch(/^around: /);
    },
  );

  it.each([
    { before: "10", around: "5" },
    { after: "10", around: "5" },
    { before: "10", after: "5" },
    { before: "10", after: "5", around: "7" },
  ])("%j is a 400: one of before, after and around", async (query) => {
    const error = await refusal(listHistory({ slug: room.slug, query }));
    expect(error).toMatchObject({ status: 400, message: "Use one of before, after and around, not several." });
  });
});

describe("through the route, as a visitor", () => {
  it("answers the window as JSON, not cached", async () => {
    const { status, cacheControl, body } = await viaRoute(room.slug, `around=${at(300)}`);
    expect(status).toBe(200);
    expect(cacheControl).toBe("no-store");
    expect(body).toMatchObject({ hasOlder: true, hasNewer: true });
    expect(idsOf(body as HistoryPage)).toEqual(ids.slice(276, 326));
  });

  it("answers 404 and 400 with the code and the words", async () => {
    expect(await viaRoute(room.slug, `around=${otherIds[0]}`)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found:message", message: "That message isn't in this room." } },
    });
    expect(await viaRoute(room.slug, "around=abc")).toMatchObject({
      status: 400,
      body: { error: { message: "around: not a message id (e.g. around=123)." } },
    });
    expect(await viaRoute(room.slug, "around=5&before=9")).toMatchObject({
      status: 400,
      body: { error: { message: "Use one of before, after and around, not several." } },
    });
    expect(await viaRoute("no-such-room-here", `around=${at(3)}`)).toMatchObject({
      status: 404,
      body: { error: { code: "not_found:room" } },
    });
  });
});

describe("the room page's ?m= reader", () => {
  it("takes one message id, and reads anything else as not found", () => {
    expect(readJumpParam({})).toEqual({ messageId: null, invalid: false });
    expect(readJumpParam({ m: "42" })).toEqual({ messageId: 42, invalid: false });
    for (const m of ["", "abc", "-3", "0", "1.5", " 4", "1e3", "0x10", String(MAX_MESSAGE_ID + 1), ["1", "2"]]) {
      expect(readJumpParam({ m })).toEqual({ messageId: null, invalid: true });
    }
  });
});
