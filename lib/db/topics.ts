// Topic queries. A topic's slug is its case-insensitive identity: "python" and "Python" share one.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { baseSlug } from "../rooms/slug";

type Tx = Prisma.TransactionClient;

export interface TopicWithCount {
  name: string;
  slug: string;
  roomCount: number;
}

/** The topic with this name (any case), created if there is none. */
export async function findOrCreateTopic({ name }: { name: string }, tx?: Tx): Promise<{ id: string; name: string; slug: string }> {
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
  return t.topic.upsert({ where: { slug: candidate }, update: {}, create: { name: trimmed, slug: candidate }, select: { id: true, name: true, slug: true } });
}

/** Topics with their room counts, busiest first; `q` filters by substring. */
export async function listTopics({ q, take = 200 }: { q?: string; take?: number } = {}): Promise<TopicWithCount[]> {
  const rows = await db.topic.findMany({
    where: q ? { name: { contains: q, mode: "insensitive" } } : undefined,
    select: { name: true, slug: true, _count: { select: { rooms: true } } },
    orderBy: [{ rooms: { _count: "desc" } }, { name: "asc" }],
    take,
  });
  return rows.map((r) => ({ name: r.name, slug: r.slug, roomCount: r._count.rooms }));
}

/** Names starting with (or containing) what someone is typing, for the topic field. */
export async function suggestTopics({ prefix, take = 8 }: { prefix: string; take?: number }): Promise<string[]> {
  const rows = await db.topic.findMany({
    where: { name: { contains: prefix.trim(), mode: "insensitive" } },
    select: { name: true },
    orderBy: [{ rooms: { _count: "desc" } }, { name: "asc" }],
    take,
  });
  return rows.map((r) => r.name);
}

export async function findTopic({ slug }: { slug: string }): Promise<TopicWithCount | null> {
  const row = await db.topic.findUnique({ where: { slug }, select: { name: true, slug: true, _count: { select: { rooms: true } } } });
  return row ? { name: row.name, slug: row.slug, roomCount: row._count.rooms } : null;
}
