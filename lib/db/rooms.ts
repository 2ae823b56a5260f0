// Room queries. Routes and pages call these; nothing outside lib/db touches Prisma.
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { addParticipant } from "./participants";
import { decodeCursor, encodeCursor, feedCountQuery, feedPageQuery, type RoomFeedFilter } from "./room-search";
import { avatarUrlOf } from "./users";
import { baseSlug, firstFreeSlug } from "../rooms/slug";
import type { RoomSort } from "../validation/rooms";
import { findOrCreateTopic } from "./topics";

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
    host: row.host ? { id: row.host.id, username: row.host.username, name: row.host.name, avatarUrl: avatarUrlOf(row.host) } : null,
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

/** One page of the feed: rooms matching the filter, in the chosen order. */
export async function searchRooms({ q, topicSlug, sort = "active", cursor, limit = 24 }: SearchRoomsInput): Promise<RoomPage> {
  const rows = await db.$queryRaw<Array<{ id: string; key: Date | number }>>(
    feedPageQuery({ q, topicSlug }, sort, decodeCursor(cursor, sort), limit),
  );
  const page = rows.slice(0, limit);
  const found = await db.room.findMany({ where: { id: { in: page.map((r) => r.id) } }, select: roomCardSelect });
  const byId = new Map(found.map((row) => [row.id, toRoomCard(row)]));
  const rooms = page.map((r) => byId.get(r.id)).filter((room): room is RoomCard => room !== undefined);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ key: last.key instanceof Date ? last.key.toISOString() : Number(last.key), id: last.id }) : null;
  return { rooms, nextCursor };
}

export async function countRooms(filter: RoomFeedFilter = {}): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>(feedCountQuery(filter));
  return row?.n ?? 0;
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

export async function createRoom(input: { name: string; topicName: string; description: string; hostId: string }): Promise<{ id: string; slug: string }> {
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
        return room;
      });
    } catch (error) {
      const slugTaken =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002" && JSON.stringify(error.meta ?? {}).includes("slug");
      if (!slugTaken || attempt >= 4) throw error;
    }
  }
}

/** Renames keep the slug, so links keep working. */
export async function updateRoom({ id, name, topicName, description }: { id: string; name: string; topicName: string; description: string }) {
  return db.$transaction(async (tx) => {
    const topic = await findOrCreateTopic({ name: topicName }, tx);
    return tx.room.update({ where: { id }, data: { name, description, topicId: topic.id }, select: { id: true, slug: true } });
  });
}

/** Deletes the room and (by cascade) its messages and participants; false if already gone. */
export async function deleteRoom({ id }: { id: string }): Promise<boolean> {
  const { count } = await db.room.deleteMany({ where: { id } });
  return count === 1;
}
