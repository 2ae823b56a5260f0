// Mention suggestions (GET /api/rooms/<slug>/mention-candidates, lib/chat/mention-candidates.ts, lib/db/
// mention-candidates.ts): the room's participants first, the latest posters first, then other active members; prefix
// matches on username or name in any case; at most 8; never the caller nor deactivated accounts; the refusals.
import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/fuzz-scope")).nextHeaders());
import { GET } from "@/app/api/rooms/[slug]/mention-candidates/route";
import { LIMITS } from "@/lib/auth/rate-limit";
import { db, disconnectDb } from "@/lib/db/client";
import { addParticipant } from "@/lib/db/participants";
import { createRoom } from "@/lib/db/rooms";
import { createUser } from "@/lib/db/users";
import { mentionCandidatesSchema } from "@/lib/validation/mentions";
import { resetLimit } from "../support/admin-fixtures";
import { fuzzScope } from "../support/fuzz-scope";
import { sessionTokenFor } from "../support/session-token";

// A letter first: the tag starts usernames and names.
const t = `m${randomBytes(3).toString("hex")}`;
let caller: { id: string };
let room: { id: string; slug: string };
const ids: Record<string, string> = {};

async function member(username: string, name = `${username} Example`, deactivated = false): Promise<string> {
  const { id } = await createUser({
    email: `${username}@example.test`,
    username,
    name,
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
  if (deactivated) await db.user.update({ where: { id }, data: { deactivatedAt: new Date() } });
  ids[username] = id;
  return id;
}

async function join(userId: string, minutesAgo: number): Promise<void> {
  await addParticipant({ roomId: room.id, userId });
  await db.participant.update({
    where: { roomId_userId: { roomId: room.id, userId } },
    data: { joinedAt: new Date(Date.now() - minutesAgo * 60_000) },
  });
}

const post = (authorId: string, roomId = room.id) => db.message.create({ data: { roomId, authorId, body: "hello" } });

beforeAll(async () => {
  caller = { id: await member(`${t}_caller`) };
  room = await createRoom({ name: `Mentions ${t}`, topicName: "Testing", description: "", hostId: caller.id });
  const other = await createRoom({ name: `Elsewhere ${t}`, topicName: "Testing", description: "", hostId: caller.id });
  // Joined long ago but posted lately, and the latest poster of all: posting order beats joining order.
  await join(await member(`${t}_pa`), 50);
  await join(await member(`${t}_pb`), 40);
  await join(await member(`${t}_pc`), 5);
  await join(await member(`${t}_pd`), 10);
  await post(ids[`${t}_pa`] ?? "");
  await post(ids[`${t}_pb`] ?? "");
  // A post in another room says nothing about this one.
  await post(ids[`${t}_pd`] ?? "", other.id);
  await join(await member(`${t}_pgone`, "Gone", true), 1);
  await member(`${t}_ob`);
  await member(`${t}_oa`);
  await member(`${t}_ogone`, "Gone too", true);
  // "_" is a LIKE wildcard: the prefix `${t}_` must not find this one.
  await member(`${t}xx`);
  // Found by name only.
  await member(`w${t}`, `${t.toUpperCase()}hello World`);
  for (let i = 0; i < 10; i++) await member(`${t}l_${i}`);
});
afterAll(() => disconnectDb());
beforeEach(() => resetLimit("searchMember"));

async function ask(q: string | null, { slug = room.slug, as = caller as { id: string } | null } = {}) {
  fuzzScope.token = as ? await sessionTokenFor(as) : undefined;
  const query = q === null ? "" : `?q=${encodeURIComponent(q)}`;
  const response = await GET(new NextRequest(`http://localhost/api/rooms/${slug}/mention-candidates${query}`), {
    params: Promise.resolve({ slug }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function usernames(q: string | null): Promise<string[]> {
  const { status, body } = await ask(q);
  expect(status).toBe(200);
  return mentionCandidatesSchema.parse(body).candidates.map((c) => c.username);
}

describe("GET /api/rooms/<slug>/mention-candidates", () => {
  it("lists participants first (latest posters, then latest joiners), then other members by username", async () => {
    expect(await usernames(`${t}_`)).toEqual([`${t}_pb`, `${t}_pa`, `${t}_pc`, `${t}_pd`, `${t}_oa`, `${t}_ob`]);
  });

  it("matches the username's or the name's start in any case", async () => {
    expect(await usernames(`${t}_PB`.toUpperCase())).toEqual([`${t}_pb`]);
    expect(await usernames(`${t}hello`)).toEqual([`w${t}`]);
    // Not the middle of a name or username.
    expect(await usernames(`World`)).toEqual([]);
    expect(await usernames(`${t.slice(1)}_pb`)).toEqual([]);
  });

  it("gives each person's id, username, name and avatar, nothing more", async () => {
    const { body } = await ask(`${t}_pa`);
    expect(body).toEqual({
      candidates: [{ id: ids[`${t}_pa`], username: `${t}_pa`, name: `${t}_pa Example`, avatarUrl: null }],
    });
  });

  it("stops at 8, participants still first; an empty q lists everyone by the same order", async () => {
    const many = await usernames(`${t}l`);
    expect(many).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `${t}l_${i}`));
    const all = await usernames(null);
    expect(all).toHaveLength(8);
    expect(all.slice(0, 4)).toEqual([`${t}_pb`, `${t}_pa`, `${t}_pc`, `${t}_pd`]);
  });

  it("never lists the caller nor deactivated accounts", async () => {
    const found = await usernames(t);
    expect(found).not.toContain(`${t}_caller`);
    expect(await usernames(`${t}_caller`)).toEqual([]);
    expect(await usernames(`${t}_pgone`)).toEqual([]);
    expect(await usernames(`${t}_ogone`)).toEqual([]);
  });

  it("refuses visitors (401), a q that is not a username prefix (400), an unknown room (404)", async () => {
    expect(await ask(t, { as: null })).toMatchObject({ status: 401, body: { error: { code: "unauthorized" } } });
    for (const q of ["a-b", "a b", "x".repeat(31), "é"]) {
      const { status, body } = await ask(q);
      expect(status, q).toBe(400);
      expect(body).toMatchObject({ error: { code: "invalid", fields: { q: expect.any(String) } } });
    }
    expect((await ask("a-b")).body).toMatchObject({ error: { message: expect.stringMatching(/letters, digits/) } });
    expect(await ask(t, { slug: `no-such-room-${t}` })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found:room" } },
    });
  });

  it("counts against the member's search limit (429 with Retry-After past it)", async () => {
    for (let i = 0; i < LIMITS.searchMember.points; i++) expect((await ask(`${t}_p`)).status).toBe(200);
    fuzzScope.token = await sessionTokenFor(caller);
    const response = await GET(new NextRequest(`http://localhost/api/rooms/${room.slug}/mention-candidates?q=a`), {
      params: Promise.resolve({ slug: room.slug }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
