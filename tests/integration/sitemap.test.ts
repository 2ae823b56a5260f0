// The sitemap queries: rooms read by keyset from any starting position (every room once, in id
// order, whatever the batch size), topics with rooms only, and a sitemap file's entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { createRoom, findLatestRoomActivity, findRoomPreview, listSitemapRooms } from "@/lib/db/rooms";
import { countTopicsWithRooms, findOrCreateTopic, listSitemapTopics } from "@/lib/db/topics";
import { createUser } from "@/lib/db/users";
import { sitemapFileEntries, sitemapFileIds } from "@/lib/site/sitemap";

let slugsInIdOrder: string[] = [];

beforeAll(async () => {
  const host = await createUser({
    email: "sam@sitemap.test",
    username: "sam_sitemap",
    name: "Sam Sitemap",
    passwordHash: null,
  });
  for (let i = 0; i < 7; i++) {
    await createRoom({
      name: `Sitemap room ${i}`,
      topicName: i % 2 ? "Odd topics" : "Even topics",
      description: "",
      hostId: host.id,
    });
  }
  // A topic with no rooms has an empty page: not in the sitemap.
  await findOrCreateTopic({ name: "Empty topic" });
  const rows = await db.room.findMany({ orderBy: { id: "asc" }, select: { slug: true } });
  slugsInIdOrder = rows.map((r) => r.slug);
});
afterAll(() => disconnectDb());

describe("listSitemapRooms", () => {
  it("returns every room once, in id order, from any start and with any batch size", async () => {
    for (const batch of [1, 2, 3, 10_000]) {
      const all = await listSitemapRooms({ skip: 0, take: 100 }, batch);
      expect(all.map((r) => r.slug)).toEqual(slugsInIdOrder);
      const middle = await listSitemapRooms({ skip: 2, take: 3 }, batch);
      expect(middle.map((r) => r.slug)).toEqual(slugsInIdOrder.slice(2, 5));
    }
    expect(await listSitemapRooms({ skip: slugsInIdOrder.length, take: 10 })).toEqual([]);
    expect(await listSitemapRooms({ skip: 0, take: 0 })).toEqual([]);
  });

  it("gives each room's last activity", async () => {
    const [first] = await listSitemapRooms({ skip: 0, take: 1 });
    const stored = await db.room.findUnique({ where: { slug: first!.slug }, select: { lastActivityAt: true } });
    expect(first!.lastActivityAt).toEqual(stored!.lastActivityAt);
    expect(await findLatestRoomActivity()).toBeInstanceOf(Date);
  });
});

describe("listSitemapTopics", () => {
  it("lists topics that hold rooms, in slug order", async () => {
    expect(await countTopicsWithRooms()).toBe(2);
    expect(await listSitemapTopics({ skip: 0, take: 10 })).toEqual([{ slug: "even-topics" }, { slug: "odd-topics" }]);
    expect(await listSitemapTopics({ skip: 1, take: 10 })).toEqual([{ slug: "odd-topics" }]);
  });
});

describe("a sitemap file", () => {
  it("holds the home page, /topics, the topics and the rooms, on APP_URL", async () => {
    expect(await sitemapFileIds()).toEqual(["0"]);
    const entries = await sitemapFileEntries(0);
    expect(entries.map((e) => e.url)).toEqual([
      "http://localhost:3000/",
      "http://localhost:3000/topics",
      "http://localhost:3000/?topic=even-topics",
      "http://localhost:3000/?topic=odd-topics",
      ...slugsInIdOrder.map((slug) => `http://localhost:3000/rooms/${slug}`),
    ]);
    expect(entries[0]!.lastModified).toBeInstanceOf(Date);
    expect(await sitemapFileEntries(1)).toEqual([]);
  });
});

describe("findRoomPreview", () => {
  it("gives what the preview image shows, and null for an unknown slug", async () => {
    const preview = await findRoomPreview({ slug: slugsInIdOrder[0]! });
    expect(preview).toMatchObject({ hostName: "Sam Sitemap", participantCount: 1 });
    expect(preview?.topicName).toMatch(/topics$/);
    expect(await findRoomPreview({ slug: "no-such-room" })).toBeNull();
  });
});

describe("answered questions", () => {
  // Last in the file: the rooms' tests above see the site without questions.
  it("follow the rooms, in id order, with the acceptance as their last change; open ones are left out", async () => {
    const slug = slugsInIdOrder[0]!;
    const room = await db.room.findUniqueOrThrow({ where: { slug }, select: { id: true, hostId: true } });
    const post = (body: string, replyToId?: number) =>
      db.message.create({ data: { roomId: room.id, authorId: room.hostId, body, replyToId }, select: { id: true } });
    // One after another: ids in the order asked (inserted side by side, they could come in any order).
    const asked = [];
    for (const body of ["First question?", "Second question?", "Open question?"]) asked.push(await post(body));
    const acceptedAt = new Date("2026-12-01T10:00:00Z");
    for (const [i, { id }] of asked.entries()) {
      const answer = i < 2 ? await post("An answer", id) : null;
      await db.question.create({
        data: {
          messageId: id,
          roomId: room.id,
          askerId: room.hostId,
          acceptedAnswerId: answer?.id,
          ...(answer ? { acceptedAt } : {}),
        },
      });
    }
    const entries = await sitemapFileEntries(0);
    const questions = entries.filter((e) => e.url.includes("/questions/"));
    expect(questions).toEqual(
      asked
        .slice(0, 2)
        .map(({ id }) => ({ url: `http://localhost:3000/rooms/${slug}/questions/${id}`, lastModified: acceptedAt })),
    );
    expect(entries.at(-1)).toEqual(questions.at(-1));
  });
});
