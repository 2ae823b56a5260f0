// The read-only REST API: GET /api/rooms (the feed's q, topic, sort, cursor and limit) and
// GET /api/rooms/<slug>. Public fields only, ISO dates, 400 for bad input, 404 for unknown ones.
import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "./support/test";
import type { RoomJson } from "../app/api/rooms/room-json";

// Room searches are limited per IP (lib/rooms/search-limit.ts); this file speaks for an address of its own.
const clientIp = `10.27.${randomInt(256)}.${randomInt(1, 255)}`;
test.use({ extraHTTPHeaders: { "x-forwarded-for": clientIp } });

interface RoomList {
  rooms: RoomJson[];
  nextCursor: string | null;
  total: number;
}

async function list(request: APIRequestContext, params: Record<string, string>): Promise<RoomList> {
  const response = await request.get(`/api/rooms?${new URLSearchParams(params).toString()}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  return (await response.json()) as RoomList;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test("GET /api/rooms lists rooms with public fields only", async ({ request }) => {
  const response = await request.get("/api/rooms");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toMatch(/email|passwordHash|@roomful\.local/i);
  const body = JSON.parse(text) as RoomList;
  expect(body.total).toBeGreaterThanOrEqual(14);
  expect(body.rooms.length).toBeGreaterThan(0);
  expect(body.rooms.length).toBeLessThanOrEqual(24);
  const rust = (await list(request, { q: "rust for beginners" })).rooms.find((r) => r.slug === "rust-beginners");
  expect(rust).toEqual({
    slug: "rust-beginners",
    name: "Rust for beginners",
    description: "Fighting the borrow checker together. Share snippets, errors and small wins.",
    url: "/rooms/rust-beginners",
    topic: { name: "Rust", slug: "rust" },
    host: { username: "dana", name: "Dana Kowalski", avatarUrl: rust?.host?.avatarUrl ?? null, url: "/u/dana" },
    participantCount: expect.any(Number),
    lastActivityAt: expect.stringMatching(ISO),
    createdAt: expect.stringMatching(ISO),
  });
  // Newest activity first by default.
  const times = body.rooms.map((r) => Date.parse(r.lastActivityAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));
});

test("GET /api/rooms filters by topic and by q over all four fields, and they combine", async ({ request }) => {
  const calculus = await list(request, { topic: "calculus" });
  expect(calculus.total).toBe(calculus.rooms.length);
  expect(calculus.rooms.map((r) => r.slug)).toEqual(
    expect.arrayContaining(["calculus-study-group", "limits-and-continuity"]),
  );
  expect(calculus.rooms.every((r) => r.topic.slug === "calculus")).toBe(true);

  const byField: Array<[string, string]> = [
    ["Calculus study", "calculus-study-group"], // name
    ["BORROW checker", "rust-beginners"], // description, any case
    ["machine learning", "ml-paper-club"], // topic
    ["dana", "data-visualisation"], // host username
    ["kowalski", "rust-beginners"], // host display name
  ];
  for (const [q, slug] of byField) {
    const found = await list(request, { q });
    expect(
      found.rooms.map((r) => r.slug),
      `q=${q}`,
    ).toContain(slug);
    expect(found.total).toBeGreaterThanOrEqual(found.rooms.length);
  }

  const both = await list(request, { topic: "calculus", q: "epsilon" });
  expect(both).toEqual({
    rooms: [expect.objectContaining({ slug: "limits-and-continuity" })],
    nextCursor: null,
    total: 1,
    totalIsCapped: false,
  });
  // Repeated parameters take the first value, as the page does.
  const repeated = await request.get("/api/rooms?topic=rust&topic=calculus");
  expect(((await repeated.json()) as RoomList).rooms.map((r) => r.slug)).toContain("rust-beginners");
});

test("GET /api/rooms sorts and pages with nextCursor until the end", async ({ request }) => {
  const active = await list(request, { topic: "calculus" });
  const newest = await list(request, { topic: "calculus", sort: "newest" });
  const pick = (l: RoomList) =>
    l.rooms.map((r) => r.slug).filter((s) => s === "calculus-study-group" || s === "limits-and-continuity");
  expect(pick(active)).toEqual(["calculus-study-group", "limits-and-continuity"]);
  expect(pick(newest)).toEqual(["limits-and-continuity", "calculus-study-group"]);
  const byPeople = await list(request, { sort: "participants", limit: "50" });
  const counts = byPeople.rooms.map((r) => r.participantCount);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // One room per page through Design's rooms: every room once, then nextCursor null.
  const seen: string[] = [];
  let cursor: string | null = null;
  let total = 0;
  for (let pageNo = 0; pageNo < 10; pageNo++) {
    const page: RoomList = await list(request, { topic: "design", limit: "1", ...(cursor ? { cursor } : {}) });
    total = page.total;
    seen.push(...page.rooms.map((r) => r.slug));
    cursor = page.nextCursor;
    if (!cursor) break;
    expect(page.rooms).toHaveLength(1);
  }
  expect(cursor).toBeNull();
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(total);
  expect(seen).toEqual(expect.arrayContaining(["ui-critique", "data-visualisation"]));

  // limit is capped at 50; nonsense limits and sorts fall back to the defaults.
  expect((await list(request, { limit: "500" })).rooms.length).toBeLessThanOrEqual(50);
  expect((await list(request, { limit: "-3", sort: "sideways" })).rooms.length).toBeLessThanOrEqual(24);
});

test("GET /api/rooms refuses a search over 200 characters with a 400 that says why", async ({ request }) => {
  const response = await request.get(`/api/rooms?q=${"x".repeat(201)}`);
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({
    error: {
      code: "invalid",
      message: "Searches have at most 200 characters.",
      fields: { q: "Searches have at most 200 characters." },
    },
  });
  // Exactly 200 is fine.
  expect((await request.get(`/api/rooms?q=${"x".repeat(200)}`)).status()).toBe(200);
});

test("unknown rooms and topics answer 404 with a typed code", async ({ request }) => {
  const room = await request.get("/api/rooms/no-such-room-here");
  expect(room.status()).toBe(404);
  expect(await room.json()).toEqual({ error: { code: "not_found:room", message: expect.any(String) } });
  expect((await request.get("/api/rooms/..%2Fetc")).status()).toBe(404);

  const topic = await request.get("/api/rooms?topic=no-such-topic");
  expect(topic.status()).toBe(404);
  expect(((await topic.json()) as { error: { code: string } }).error.code).toBe("not_found:topic");
});

test("GET /api/rooms/<slug> returns one room in the list's shape", async ({ request }) => {
  const response = await request.get("/api/rooms/calculus-study-group");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toMatch(/email/i);
  const { room } = JSON.parse(text) as { room: RoomJson };
  expect(room).toMatchObject({
    slug: "calculus-study-group",
    name: "Calculus study group",
    url: "/rooms/calculus-study-group",
    topic: { name: "Calculus", slug: "calculus" },
    host: { username: "bob", name: "Bob Martínez", url: "/u/bob" },
  });
  expect(room.createdAt).toMatch(ISO);
  expect(room.participantCount).toBeGreaterThanOrEqual(1);
});
