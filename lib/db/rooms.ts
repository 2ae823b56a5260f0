// Room queries. Routes and pages call these; nothing outside lib/db touches Prisma.
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { addParticipant } from "./participants";
import {
  decodeCursor,
  encodeCursor,
  feedCardsQuery,
  feedCountQuery,
  isSearch,
  type FeedCardRow,
  type RoomFeedFilter,
} from "./room-search";
import { avatarUrlOf } from "./users";
import { baseSlug, firstFreeSlug } from "../rooms/slug";
import { PAGE_SIZE, type RoomSort } from "../validation/rooms";
import { countAllRooms, findOrCreateTopic, findTopic, moveTopicRoomCounts } from "./topics";

type Tx = Prisma.TransactionClient;

export interface RoomCard {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  host: { id: string; username: string; name: string; avatarUrl: string | null } | null;
  participantCount: number;
  /** The latest message, or the room's creation when nobody has written yet. */
  lastActivityAt: Date;
  createdAt: Date;
}

const roomCardSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  createdAt: true,
  lastActivityAt: true,
  participantCount: true,
  topic: { select: { name: true, slug: true } },
  host: { select: { id: true, username: true, name: true, image: true, avatar: { select: { updatedAt: true } } } },
} satisfies Prisma.RoomSelect;

type RoomCardRow = Prisma.RoomGetPayload<{ select: typeof roomCardSelect }>;

function toRoomCard(row: RoomCardRow): RoomCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    topic: row.topic,
    host: row.host
      ? { id: row.host.id, username: row.host.username, name: row.host.name, avatarUrl: avatarUrlOf(row.host) }
      : null,
    participantCount: row.participantCount,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
  };
}

export interface SearchRoomsInput extends RoomFeedFilter {
  sort?: RoomSort;
  cursor?: string;
  limit?: number;
}

export interface RoomPage {
  rooms: RoomCard[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

function cardOfRow(row: FeedCardRow): RoomCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    topic: { name: row.topicName, slug: row.topicSlug },
    host:
      row.hostId && row.hostUsername !== null && row.hostName !== null
        ? {
            id: row.hostId,
            username: row.hostUsername,
            name: row.hostName,
            avatarUrl: avatarUrlOf({
              id: row.hostId,
              image: row.hostImage,
              avatar: row.hostAvatarAt ? { updatedAt: row.hostAvatarAt } : null,
            }),
          }
        : null,
    participantCount: row.participantCount,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
  };
}

/** One page of the feed: rooms matching the filter, in the chosen order (one query). */
export async function searchRooms({
  q,
  topicSlug,
  sort = "active",
  cursor,
  limit = PAGE_SIZE,
}: SearchRoomsInput): Promise<RoomPage> {
  const rows = await db.$queryRaw<FeedCardRow[]>(
    feedCardsQuery({ q, topicSlug }, sort, decodeCursor(cursor, sort), limit),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ key: last.key instanceof Date ? last.key.toISOString() : Number(last.key), id: last.id })
      : null;
  return { rooms: page.map(cardOfRow), nextCursor };
}

/** Searches count matching rooms up to this many; beyond it the feed says "1,000+ rooms". */
export const ROOM_COUNT_CAP = 1000;

export interface RoomTotal {
  /** Rooms matching the filter; ROOM_COUNT_CAP when `capped`. */
  total: number;
  /** True when a search matched more than ROOM_COUNT_CAP rooms (counting stopped there). */
  capped: boolean;
}

/**
 * How many rooms the feed holds. Without a search this is exact and read from the topics' counts
 * (one topic's row, or the sum over topics); a search is counted up to ROOM_COUNT_CAP.
 */
export async function countRooms(filter: RoomFeedFilter = {}): Promise<RoomTotal> {
  if (isSearch(filter)) {
    const [row] = await db.$queryRaw<Array<{ n: number }>>(feedCountQuery(filter, ROOM_COUNT_CAP));
    const n = row?.n ?? 0;
    return n > ROOM_COUNT_CAP ? { total: ROOM_COUNT_CAP, capped: true } : { total: n, capped: false };
  }
  if (filter.topicSlug) return { total: (await findTopic({ slug: filter.topicSlug }))?.roomCount ?? 0, capped: false };
  return { total: await countAllRooms(), capped: false };
}

export async function findRoomCard({ slug }: { slug: string }): Promise<RoomCard | null> {
  const row = await db.room.findUnique({ where: { slug }, select: roomCardSelect });
  return row ? toRoomCard(row) : null;
}

/** What permission checks and the edit form need. */
export async function findRoomForEdit({ slug }: { slug: string }) {
  return db.room.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, description: true, hostId: true, topic: { select: { name: true } } },
  });
}

/** Slugs already taken that could collide with `base` (base itself and base-N). */
async function takenSlugs(base: string): Promise<string[]> {
  const rows = await db.room.findMany({
    where: { OR: [{ slug: base }, { slug: { startsWith: `${base}-` } }] },
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

export async function createRoom(input: {
  name: string;
  topicName: string;
  description: string;
  hostId: string;
}): Promise<{ id: string; slug: string }> {
  const base = baseSlug(input.name);
  // Two people opening "Python" at once: the unique index decides, and the loser retries.
  for (let attempt = 0; ; attempt++) {
    const slug = firstFreeSlug(base, await takenSlugs(base));
    try {
      return await db.$transaction(async (tx) => {
        const topic = await findOrCreateTopic({ name: input.topicName }, tx);
        const room = await tx.room.create({
          data: { name: input.name, slug, description: input.description, topicId: topic.id, hostId: input.hostId },
          select: { id: true, slug: true },
        });
        await addParticipant({ roomId: room.id, userId: input.hostId }, tx);
        await moveTopicRoomCounts({ from: null, to: topic.id }, tx);
        return room;
      });
    } catch (error) {
      const slugTaken =
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === "P2002" &&
        JSON.stringify(error.meta ?? {}).includes("slug");
      if (!slugTaken || attempt >= 4) throw error;
    }
  }
}

/**
 * Renames keep the slug, so links keep working. The room's row is locked first, so a concurrent
 * edit or delete cannot move its topic count twice. Pass `tx` to run inside a larger transaction.
 */
export async function updateRoom(
  { id, name, topicName, description }: { id: string; name: string; topicName: string; description: string },
  tx?: Tx,
): Promise<{ id: string; slug: string }> {
  const run = async (t: Tx) => {
    const [current] = await t.$queryRaw<
      Array<{ topicId: string }>
    >`SELECT "topicId" FROM "Room" WHERE id = ${id} FOR UPDATE`;
    const topic = await findOrCreateTopic({ name: topicName }, t);
    const room = await t.room.update({
      where: { id },
      data: { name, description, topicId: topic.id },
      select: { id: true, slug: true },
    });
    if (current) await moveTopicRoomCounts({ from: current.topicId, to: topic.id }, t);
    return room;
  };
  return tx ? run(tx) : db.$transaction(run);
}

/**
 * Deletes the room and (by cascade) its messages and participants, and takes it off its topic's
 * count in the same transaction; false if already gone. Pass `tx` to run inside a larger one.
 */
export async function deleteRoom({ id }: { id: string }, tx?: Tx): Promise<boolean> {
  const run = async (t: Tx) => {
    const gone = await t.$queryRaw<Array<{ topicId: string }>>`DELETE FROM "Room" WHERE id = ${id} RETURNING "topicId"`;
    for (const room of gone) await moveTopicRoomCounts({ from: room.topicId, to: null }, t);
    return gone.length === 1;
  };
  return tx ? run(tx) : db.$transaction(run);
}

export interface RoomPreview {
  name: string;
  description: string;
  topicName: string;
  /** Null once the host's account is deleted. */
  hostName: string | null;
  participantCount: number;
}

/** What a room's link-preview image shows (nothing private: the room page shows all of it). */
export async function findRoomPreview({ slug }: { slug: string }): Promise<RoomPreview | null> {
  const row = await db.room.findUnique({
    where: { slug },
    select: {
      name: true,
      description: true,
      participantCount: true,
      topic: { select: { name: true } },
      host: { select: { name: true } },
    },
  });
  if (!row) return null;
  return {
    name: row.name,
    description: row.description,
    topicName: row.topic.name,
    hostName: row.host?.name ?? null,
    participantCount: row.participantCount,
  };
}

export interface SitemapRoom {
  slug: string;
  lastActivityAt: Date;
}

/**
 * Rooms for the sitemaps, in id order: `take` of them after the first `skip`. The start is found
 * on the primary key's index alone (ids only, no rows read), then the rooms are read from it by
 * keyset, `batch` at a time, with only the two fields a sitemap needs. So the last of many sitemap
 * files costs one index walk plus its own rows, and no query holds more than `batch` rows.
 */
export async function listSitemapRooms({
  skip,
  take,
  batch = 10_000,
}: {
  skip: number;
  take: number;
  batch?: number;
}): Promise<SitemapRoom[]> {
  if (take <= 0) return [];
  const [start] = await db.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Room" ORDER BY id OFFSET ${skip} LIMIT 1`;
  if (!start) return [];
  const rooms: SitemapRoom[] = [];
  let where: Prisma.RoomWhereInput = { id: { gte: start.id } };
  while (rooms.length < take) {
    const size = Math.min(batch, take - rooms.length);
    const rows = await db.room.findMany({
      where,
      orderBy: { id: "asc" },
      take: size,
      select: { id: true, slug: true, lastActivityAt: true },
    });
    for (const row of rows) rooms.push({ slug: row.slug, lastActivityAt: row.lastActivityAt });
    const last = rows.at(-1);
    if (!last || rows.length < size) break;
    where = { id: { gt: last.id } };
  }
  return rooms;
}

/** When anything last happened in any room (the home page's last change), or null with no rooms. */
export async function findLatestRoomActivity(): Promise<Date | null> {
  const row = await db.room.findFirst({
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    select: { lastActivityAt: true },
  });
  return row?.lastActivityAt ?? null;
}
