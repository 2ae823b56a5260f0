// Topic queries and the topics' room counts. A topic's slug is its case-insensitive identity:
// "python" and "Python" share one. Topic.roomCount changes in the same transaction as every room
// create, delete and topic change (lib/db/rooms.ts calls moveTopicRoomCounts), so that the
// sidebar, /topics and the home feed's totals read a column instead of counting rooms.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { baseSlug } from "../rooms/slug";
import type { SitemapRange } from "../site/sitemap-plan";

type Tx = Prisma.TransactionClient;

export interface TopicWithCount {
  name: string;
  slug: string;
  roomCount: number;
}

const withCount = { name: true, slug: true, roomCount: true } satisfies Prisma.TopicSelect;

/** The topic with this name (any case), created if there is none. */
export async function findOrCreateTopic(
  { name }: { name: string },
  tx?: Tx,
): Promise<{ id: string; name: string; slug: string }> {
  const t = tx ?? db;
  const trimmed = name.trim().replace(/\s+/g, " ");
  const slug = baseSlug(trimmed, "topic");
  const existing = await t.topic.findFirst({
    where: { OR: [{ slug }, { name: { equals: trimmed, mode: "insensitive" } }] },
    select: { id: true, name: true, slug: true },
  });
  if (existing) return existing;
  // A name slugify cannot spell gets a numbered slug of its own, as rooms do.
  const taken = await t.topic.findMany({ where: { slug: { startsWith: slug } }, select: { slug: true } });
  const used = new Set(taken.map((x) => x.slug));
  let candidate = slug;
  for (let n = 2; used.has(candidate); n++) candidate = `${slug}-${n}`;
  // Two rooms opened at once under the same new topic: the second insert waits for the first
  // and then does nothing (a failed insert would abort the caller's transaction), and finds it.
  const [created] = await t.$queryRaw<Array<{ id: string; name: string; slug: string }>>`
    INSERT INTO "Topic" (id, name, slug) VALUES (${`c${randomBytes(12).toString("hex")}`}, ${trimmed}, ${candidate})
    ON CONFLICT DO NOTHING
    RETURNING id, name, slug`;
  if (created) return created;
  const raced = await t.topic.findFirst({
    where: { OR: [{ slug: candidate }, { name: { equals: trimmed, mode: "insensitive" } }] },
    select: { id: true, name: true, slug: true },
  });
  if (!raced) throw new Error(`Topic “${trimmed}” could neither be created nor found.`);
  return raced;
}

/**
 * `from` loses a room, `to` gains one (null on create/delete). Call it after the room write in its transaction, so the
 * count commits or rolls back with it; rows update in id order so opposite moves never deadlock.
 */
export async function moveTopicRoomCounts(
  { from, to }: { from: string | null; to: string | null },
  tx: Tx,
): Promise<void> {
  if (from === to) return;
  const changes = [...(from ? [{ id: from, delta: -1 }] : []), ...(to ? [{ id: to, delta: 1 }] : [])].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  for (const { id, delta } of changes) {
    await tx.$executeRaw`UPDATE "Topic" SET "roomCount" = "roomCount" + ${delta}::int WHERE id = ${id}`;
  }
}

/**
 * Locks in id order (no lock cycles). Bulk moves (a merge) take it first so their recount starts after every other
 * writer of these topics has committed.
 */
export async function lockTopics(topicIds: string[], tx: Tx): Promise<void> {
  const ids = [...new Set(topicIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM "Topic" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
}

/**
 * Recounts roomCount from the rooms: `topicIds` after a bulk move (lockTopics first, same transaction), or all topics
 * to repair rows written around the data layer (imports, bench seed, raw SQL). Returns how many counts were wrong.
 */
export async function recountTopicRooms({ topicIds }: { topicIds?: string[] } = {}, tx?: Tx): Promise<number> {
  const only = topicIds ? [...new Set(topicIds)] : null;
  if (only?.length === 0) return 0;
  const scope = only ? Prisma.sql`WHERE tt.id = ANY(${only}::text[])` : Prisma.empty;
  return (tx ?? db).$executeRaw`
    UPDATE "Topic" t SET "roomCount" = c.n
    FROM (SELECT tt.id, count(r.id)::int AS n FROM "Topic" tt LEFT JOIN "Room" r ON r."topicId" = tt.id ${scope}
          GROUP BY tt.id) c
    WHERE c.id = t.id AND t."roomCount" <> c.n`;
}

/** Every room, as the sum of the topics' counts (every room has a topic): one row per topic, not per room. */
export async function countAllRooms(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT coalesce(sum("roomCount"), 0)::int AS n FROM "Topic"`;
  return row?.n ?? 0;
}

const topicFilter = (q: string | undefined): Prisma.TopicWhereInput | undefined =>
  q ? { name: { contains: q, mode: "insensitive" } } : undefined;

/** Topics with their room counts, busiest first; `q` filters by substring. */
export async function listTopics({ q, take = 200 }: { q?: string; take?: number } = {}): Promise<TopicWithCount[]> {
  return db.topic.findMany({
    where: topicFilter(q),
    select: withCount,
    orderBy: [{ roomCount: "desc" }, { name: "asc" }],
    take,
  });
}

/** The first `take` topics of listTopics and how many there are in all (for "1,000 topics"). */
export async function listTopicsPage({
  q,
  take,
}: {
  q?: string;
  take: number;
}): Promise<{ topics: TopicWithCount[]; total: number }> {
  const [topics, total] = await Promise.all([listTopics({ q, take }), db.topic.count({ where: topicFilter(q) })]);
  return { topics, total };
}

/**
 * The busiest `take` topics and the number of all rooms, in one query: what the home page's
 * sidebar shows ("All rooms" and each topic) on every request.
 */
export async function listTopicsWithTotal({
  take,
}: {
  take: number;
}): Promise<{ topics: TopicWithCount[]; total: number }> {
  const rows = await db.$queryRaw<Array<TopicWithCount & { total: number }>>`
    SELECT name, slug, "roomCount", (SELECT coalesce(sum("roomCount"), 0)::int FROM "Topic") AS total
    FROM "Topic" ORDER BY "roomCount" DESC, name ASC LIMIT ${take}`;
  const total = rows[0]?.total ?? (await countAllRooms());
  return { topics: rows.map(({ name, slug, roomCount }) => ({ name, slug, roomCount })), total };
}

/** Names starting with (or containing) what someone is typing, for the topic field. */
export async function suggestTopics({ prefix, take = 8 }: { prefix: string; take?: number }): Promise<string[]> {
  const rows = await db.topic.findMany({
    where: { name: { contains: prefix.trim(), mode: "insensitive" } },
    select: { name: true },
    orderBy: [{ roomCount: "desc" }, { name: "asc" }],
    take,
  });
  return rows.map((r) => r.name);
}

export async function findTopic({ slug }: { slug: string }): Promise<TopicWithCount | null> {
  return db.topic.findUnique({ where: { slug }, select: withCount });
}

/** Topics that hold at least one room: those the sitemaps list (an empty topic's page is empty). */
export async function countTopicsWithRooms(): Promise<number> {
  return db.topic.count({ where: { roomCount: { gt: 0 } } });
}

/** Topics with rooms in slug order, `take` after `skip`: topics are few next to rooms, so a plain offset suffices. */
export async function listSitemapTopics({ skip, take }: SitemapRange): Promise<Array<{ slug: string }>> {
  if (take <= 0) return [];
  return db.topic.findMany({
    where: { roomCount: { gt: 0 } },
    orderBy: { slug: "asc" },
    skip,
    take,
    select: { slug: true },
  });
}

export interface AdminTopicRow {
  id: string;
  name: string;
  slug: string;
  /** Counted from the rooms, not read from the maintained column: this page shows the truth. */
  roomCount: number;
  createdAt: Date;
}

export async function listAdminTopics({ q = "", take = 500 }: { q?: string; take?: number } = {}): Promise<
  AdminTopicRow[]
> {
  const rows = await db.topic.findMany({
    where: q ? { name: { contains: q, mode: "insensitive" } } : undefined,
    select: { id: true, name: true, slug: true, createdAt: true, _count: { select: { rooms: true } } },
    orderBy: { name: "asc" },
    take,
  });
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, createdAt: r.createdAt, roomCount: r._count.rooms }));
}

/** The topic an admin means by `ref`: its id, else its name or slug (any case). */
export async function findTopicByRef({ ref }: { ref: string }): Promise<{ id: string; name: string } | null> {
  return db.topic.findFirst({
    where: { OR: [{ id: ref }, { name: { equals: ref, mode: "insensitive" } }, { slug: ref.toLowerCase() }] },
    select: { id: true, name: true },
  });
}
