// Message search through its two routes (GET /api/rooms/<slug>/messages/search, GET /api/search/messages) on a real
// PostgreSQL: ranking, each filter (author, room, dates) and newest-first paging, deleted messages never match, edits
// are found by their new text, who may search where (visitors a room, members every room), bad input (201 characters,
// wrong types, only stop words, an unknown room) and the rate limit.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { GET as searchRoute } from "@/app/api/rooms/[slug]/messages/search/route";
import { GET as searchAllRoute } from "@/app/api/search/messages/route";
import { LIMITS } from "@/lib/auth/rate-limit";
import type { MessageSearchAnswer } from "@/lib/chat/message-search";
import { deleteRoomMessage, editMessage } from "@/lib/chat/messages";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom } from "@/lib/db/rooms";
import type { SessionUser } from "@/lib/db/users";
import { person, resetLimit } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

let alice: SessionUser;
let bob: SessionUser;

beforeAll(async () => {
  [alice, bob] = await Promise.all([person("MEMBER", { prefix: "alice" }), person("MEMBER", { prefix: "bob" })]);
});
afterAll(() => disconnectDb());
// Each test starts with a full allowance; the limit has a test of its own.
beforeEach(async () => {
  await resetLimit("messageSearchMember");
  await resetLimit("messageSearchIp");
});

/** A word nobody else in this database uses (letters only, so the parser keeps it one word). */
// Ends in "k", which no English suffix does: random letters could end in one ("…ly", "…ss"), and then the word and
// its plural ("…lys") would stem apart.
function uniqueWord(base: string): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  return `${base}${letters.join("")}k`;
}

let rooms = 0;
async function newRoom() {
  return createRoom({
    name: `Search ${++rooms} ${uniqueWord("r")}`,
    topicName: "Testing",
    description: "",
    hostId: alice.id,
  });
}

async function post(roomId: string, body: string, author = alice, createdAt?: Date) {
  return db.message.create({ data: { roomId, authorId: author.id, body, createdAt }, select: { id: true } });
}

interface Reply {
  status: number;
  body: MessageSearchAnswer & { error?: { code: string; message: string; fields?: Record<string, string> } };
}

async function get(caller: SessionUser | null, url: string, call: (request: NextRequest) => Promise<Response>) {
  fuzzScope.token = caller ? await sessionTokenFor(caller) : undefined;
  const request = new NextRequest(`http://localhost${url}`, { headers: { "x-forwarded-for": fuzzScope.ip } });
  const response = await call(request);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Reply["body"] };
}

const inRoom = (caller: SessionUser | null, slug: string, query: string) =>
  get(caller, `/api/rooms/${slug}/messages/search?${query}`, (request) =>
    searchRoute(request, { params: Promise.resolve({ slug }) }),
  );
const everywhere = (caller: SessionUser | null, query: string) =>
  get(caller, `/api/search/messages?${query}`, (request) => searchAllRoute(request));
const ids = (reply: Reply) => reply.body.results.map((result) => result.id);

describe("finding messages", () => {
  it("ranks closer and more frequent matches first, with an excerpt, the terms and a link into the room", async () => {
    const room = await newRoom();
    const [a, b] = [uniqueWord("alpha"), uniqueWord("beta")];
    // The better match is the older one, so ranking (not recency) has to put it first.
    const close = await post(room.id, `${a} ${b} together, ${a} ${b} again`);
    const far = await post(room.id, `${a} is here, and much later, after many other words of filler text, ${b}`);
    const other = await post(room.id, `only ${a} in this one`);
    const reply = await inRoom(null, room.slug, `q=${a}+${b}`);
    expect(reply.status).toBe(200);
    // Both words are needed (AND), the adjacent pair ranks first; `other` has one word only.
    expect(ids(reply)).toEqual([close.id, far.id]);
    expect(ids(reply)).not.toContain(other.id);
    const first = reply.body.results[0];
    expect(first).toMatchObject({
      url: `/rooms/${room.slug}?m=${close.id}`,
      room: { slug: room.slug },
      author: { username: alice.username, name: alice.name },
      excerpt: `${a} ${b} together, ${a} ${b} again`,
    });
    expect(reply.body.terms).toEqual(expect.arrayContaining([a, b]));
    expect(reply.body.notice).toBeNull();
  });

  it("matches stems and cuts a long message around its first match", async () => {
    const room = await newRoom();
    const word = uniqueWord("gizmo");
    const padding = "lorem ipsum dolor sit amet ".repeat(20);
    const { id } = await post(room.id, `${padding} the ${word}s were running ${padding}`);
    const reply = await inRoom(null, room.slug, `q=${word}`);
    expect(ids(reply)).toEqual([id]);
    const excerpt = reply.body.results[0]?.excerpt ?? "";
    expect(excerpt.startsWith("…")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt).toContain(`${word}s were running`);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(202);
  });

  it("marks a word as typed where its stem does not begin it ('study', stemmed 'studi'), not stop words", async () => {
    const room = await newRoom();
    const word = `${uniqueWord("study")}y`;
    await post(room.id, `the ${word} group meets at noon`);
    const reply = await inRoom(null, room.slug, `q=${encodeURIComponent(`the ${word}`)}`);
    expect(reply.body.results).toHaveLength(1);
    expect(reply.body.terms).toContain(word);
    expect(reply.body.terms).not.toContain("the");
  });

  it("filters by author, by date range and by room, and pages newest first", async () => {
    const [one, two] = [await newRoom(), await newRoom()];
    const word = uniqueWord("delta");
    const jan = await post(one.id, `${word} from alice in January`, alice, new Date("2026-01-15T12:00:00Z"));
    const feb = await post(one.id, `${word} from bob in February`, bob, new Date("2026-02-10T23:59:00Z"));
    const mar = await post(two.id, `${word} from alice in March`, alice, new Date("2026-03-01T08:00:00Z"));

    expect(ids(await everywhere(bob, `q=${word}&sort=newest`))).toEqual([mar.id, feb.id, jan.id]);
    expect(ids(await everywhere(bob, `q=${word}&author=@${alice.username}&sort=newest`))).toEqual([mar.id, jan.id]);
    expect(ids(await everywhere(bob, `q=${word}&room=${one.slug}&sort=newest`))).toEqual([feb.id, jan.id]);
    expect(ids(await inRoom(bob, two.slug, `q=${word}`))).toEqual([mar.id]);
    // Both days count whole: the 10th ends at midnight.
    expect(ids(await everywhere(bob, `q=${word}&from=2026-02-01&to=2026-02-10`))).toEqual([feb.id]);
    expect(ids(await everywhere(bob, `q=${word}&from=2026-02-11`))).toEqual([mar.id]);
    const unknown = await everywhere(bob, `q=${word}&author=nobody_${uniqueWord("x")}`);
    expect(unknown.body).toMatchObject({ results: [], notice: expect.stringContaining("No member is called") });

    const page1 = await everywhere(bob, `q=${word}&sort=newest&limit=2`);
    expect(ids(page1)).toEqual([mar.id, feb.id]);
    expect(page1.body.nextCursor).toBe(feb.id);
    const page2 = await everywhere(bob, `q=${word}&sort=newest&limit=2&before=${feb.id}`);
    expect(ids(page2)).toEqual([jan.id]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("never matches deleted messages, and finds edited ones by their new text only", async () => {
    const room = await newRoom();
    const [gone, before, after] = [uniqueWord("gone"), uniqueWord("old"), uniqueWord("new")];
    const deleted = await post(room.id, `${gone} soon`);
    const kept = await post(room.id, `${gone} stays`);
    await deleteRoomMessage({ actor: alice, slug: room.slug, messageId: deleted.id });
    expect(ids(await inRoom(alice, room.slug, `q=${gone}`))).toEqual([kept.id]);

    const edited = await post(room.id, `the ${before} wording`);
    await editMessage({ actor: alice, slug: room.slug, messageId: edited.id, input: { body: `the ${after} wording` } });
    expect(ids(await inRoom(alice, room.slug, `q=${before}`))).toEqual([]);
    const found = await inRoom(alice, room.slug, `q=${after}`);
    expect(ids(found)).toEqual([edited.id]);
    expect(found.body.results[0]?.editedAt).not.toBeNull();
  });
});

describe("who may search where", () => {
  it("lets visitors search a room, but not across rooms (401)", async () => {
    const room = await newRoom();
    const word = uniqueWord("open");
    const { id } = await post(room.id, `${word} for all`);
    expect(ids(await inRoom(null, room.slug, `q=${word}`))).toEqual([id]);
    const refused = await everywhere(null, `q=${word}`);
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe("unauthorized");
    expect(ids(await everywhere(bob, `q=${word}`))).toEqual([id]);
  });

  it("answers 404 for an unknown room, in the path or the filter", async () => {
    expect((await inRoom(null, "no-such-room-here", "q=anything")).status).toBe(404);
    const reply = await everywhere(bob, "q=anything&room=no-such-room-here");
    expect(reply.status).toBe(404);
    expect(reply.body.error).toMatchObject({ code: "not_found:room", message: expect.stringContaining("no-such") });
  });
});

describe("bad input", () => {
  it("refuses a query over 200 characters with a 400 that says so", async () => {
    const room = await newRoom();
    const reply = await inRoom(null, room.slug, `q=${"a".repeat(201)}`);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: "invalid", message: "Searches have at most 200 characters." });
    expect((await inRoom(null, room.slug, `q=${"a".repeat(200)}`)).status).toBe(200);
  });

  it("refuses wrong types: a non-numeric cursor, a malformed date, an inverted range, a bad author", async () => {
    for (const query of [
      "q=x&before=abc",
      "q=x&before=-3",
      "q=x&from=yesterday",
      "q=x&to=2026-13-45",
      "q=x&author=a b",
    ]) {
      const reply = await everywhere(bob, query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.error?.message, query).toMatch(/\w/);
    }
    const inverted = await everywhere(bob, "q=x&from=2026-03-02&to=2026-03-01");
    expect(inverted.body.error?.fields).toEqual({ to: "The first day comes after the last." });
  });

  it("searches nothing for an empty query, and explains a query of stop words only", async () => {
    const room = await newRoom();
    await post(room.id, "the and of it");
    expect((await inRoom(null, room.slug, "q=++")).body).toEqual({
      searched: false,
      results: [],
      terms: [],
      nextCursor: null,
      notice: null,
    });
    const stop = await inRoom(null, room.slug, "q=the+and+of");
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ searched: true, results: [], notice: expect.stringContaining("common words") });
  });
});

describe("the rate limit", () => {
  it("refuses a member past the limit with a 429 and Retry-After, and never counts empty queries", async () => {
    const room = await newRoom();
    const { points } = LIMITS.messageSearchMember;
    for (let i = 0; i < points + 5; i++) expect((await inRoom(bob, room.slug, "q=")).status).toBe(200);
    for (let i = 0; i < points; i++) expect((await inRoom(bob, room.slug, "q=hello")).status).toBe(200);
    const refused = await everywhere(bob, "q=hello");
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe("rate_limited:messageSearchMember");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another member is not affected.
    expect((await everywhere(alice, "q=hello")).status).toBe(200);
  });

  it("limits visitors per address", async () => {
    const room = await newRoom();
    for (let i = 0; i < LIMITS.messageSearchIp.points; i++) await inRoom(null, room.slug, "q=hello");
    expect((await inRoom(null, room.slug, "q=hello")).status).toBe(429);
  });
});
