// Rooms: the card every list shows, the feed, one room by slug or id, and the three writes every
// caller shares (create with its slug retry, edit, delete), each moving its topic's room count in
// the same transaction and writing the moderator's audit entry there when one is given.
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import type { Prisma } from "./generated/prisma/client";
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
import { isSlugViolation, slugTakenError, takenSlugs } from "./room-slugs";
import { countAllRooms, findOrCreateTopic, findTopic, moveTopicRoomCounts } from "./topics";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";
import { notFound } from "../errors";
import { baseSlug, firstFreeSlug } from "../rooms/slug";
import type { SitemapRange } from "../site/sitemap-plan";
import { PAGE_SIZE, type RoomSort } from "../validation/rooms";

type Tx = Prisma.TransactionClient;

export interface RoomCard {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  host: UserSummary | null;
  participantCount: number;
  /** The latest message, or the room's creation when nobody has written yet. */
  lastActivityAt: Date;
  createdAt: Date;
  /** Questions without an accepted answer (feed cards only: lib/db/questions.ts). */
  openQuestions?: number;
}

/** What a room's page header shows; its card (below) and the room page's query build on it. */
export const roomHeadSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  createdAt: true,
  topic: { select: { name: true, slug: true } },
  host: { select: userSummarySelect },
} satisfies Prisma.RoomSelect;

const roomCardSelect = {
  ...roomHeadSelect,
  lastActivityAt: true,
  participantCount: true,
} satisfies Prisma.RoomSelect;

type RoomCardRow = Prisma.RoomGetPayload<{ select: typeof roomCardSelect }>;

function toRoomCard({ host, ...room }: RoomCardRow): RoomCard {
  return { ...room, host: host ? toUserSummary(host) : null };
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

/** The feed's flat SQL row, as the card's Prisma row, so that one mapper makes every card. */
function cardOfRow(row: FeedCardRow): RoomCard {
  // What is left in `room` is the card's own columns: toRoomCard passes them on as they are.
  const { key: _key, topicName, topicSlug, hostId, hostUsername, hostName, hostImage, hostAvatarAt, ...room } = row;
  return toRoomCard({
    ...room,
    topic: { name: topicName, slug: topicSlug },
    host:
      hostId && hostUsername !== null && hostName !== null
        ? {
            id: hostId,
            username: hostUsername,
            name: hostName,
            image: hostImage,
            avatar: hostAvatarAt ? { updatedAt: hostAvatarAt } : null,
          }
        : null,
  });
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

/** What permission checks, the edit form and the delete need, by slug (URLs) or id (the admin area). */
export async function findRoomForEdit(ref: { slug: string } | { id: string }) {
  return db.room.findUnique({
    where: "slug" in ref ? { slug: ref.slug } : { id: ref.id },
    select: { id: true, slug: true, name: true, description: true, hostId: true, topic: { select: { name: true } } },
  });
}

export interface NewRoom {
  name: string;
  topicName: string;
  description: string;
  hostId: string;
  /** A chosen address (moderators); it must be free. Without one, the name's slug with the first free suffix. */
  slug?: string;
  /** A moderator's audit entry, written in the room's transaction. */
  audit?: (room: { id: string; slug: string }) => AuditEntryInput;
}

/** Opens a room with its host as first participant; members and moderators both come here. */
export async function createRoom(input: NewRoom): Promise<{ id: string; slug: string }> {
  const base = baseSlug(input.name);
  // Two people opening "Python" at once: the unique index decides, and the loser retries.
  for (let attempt = 0; ; attempt++) {
    const slug = input.slug ?? firstFreeSlug(base, await takenSlugs(base));
    try {
      return await db.$transaction(async (tx) => {
        if (input.slug && (await tx.room.count({ where: { slug } })) > 0) throw await slugTakenError(slug);
        const topic = await findOrCreateTopic({ name: input.topicName }, tx);
        const room = await tx.room.create({
          data: { name: input.name, slug, description: input.description, topicId: topic.id, hostId: input.hostId },
          select: { id: true, slug: true },
        });
        await addParticipant({ roomId: room.id, userId: input.hostId }, tx);
        await moveTopicRoomCounts({ from: null, to: topic.id }, tx);
        if (input.audit) await writeAuditEntry(input.audit(room), tx);
        return room;
      });
    } catch (error) {
      if (!isSlugViolation(error)) throw error;
      // A chosen slug taken between the check and the insert is the mover's to change.
      if (input.slug || attempt >= 4) throw await slugTakenError(slug);
    }
  }
}

export interface RoomEdit {
  id: string;
  name: string;
  topicName: string;
  description: string;
  /** A new address (moderators); hosts' renames keep the slug, so links keep working. */
  slug?: string;
  audit?: (change: RoomChange) => AuditEntryInput;
}

export interface RoomChange {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  /** "name: Old → New; address: old → new", for the audit detail. */
  changes: string[];
}

/**
 * Locks the room's row, then its topics, like every room write, so concurrent edits and deletes wait instead of
 * deadlocking or moving a topic count twice. A taken address is a field error; `tx` joins a larger transaction.
 */
export async function updateRoom(edit: RoomEdit, tx?: Tx): Promise<RoomChange> {
  const run = async (t: Tx) => {
    await t.$queryRaw`SELECT id FROM "Room" WHERE id = ${edit.id} FOR UPDATE`;
    const before = await t.room.findUnique({
      where: { id: edit.id },
      select: { name: true, slug: true, description: true, topic: { select: { id: true, name: true } } },
    });
    if (!before) throw notFound("room", "This room no longer exists.");
    const slug = edit.slug ?? before.slug;
    if (slug !== before.slug && (await t.room.count({ where: { slug } })) > 0) throw await slugTakenError(slug);
    const topic = await findOrCreateTopic({ name: edit.topicName }, t);
    const after = await t.room.update({
      where: { id: edit.id },
      data: { name: edit.name, slug, description: edit.description, topicId: topic.id },
      select: { id: true, slug: true, name: true, description: true, topic: { select: { name: true, slug: true } } },
    });
    await moveTopicRoomCounts({ from: before.topic.id, to: topic.id }, t);
    const changes = [
      before.name !== after.name ? `name: ${before.name} → ${after.name}` : null,
      before.slug !== after.slug ? `address: ${before.slug} → ${after.slug}` : null,
      before.topic.id !== topic.id ? `topic: ${before.topic.name} → ${after.topic.name}` : null,
      before.description !== after.description ? "description changed" : null,
    ].filter((c): c is string => c !== null);
    const change = { ...after, changes };
    if (edit.audit) await writeAuditEntry(edit.audit(change), t);
    return change;
  };
  try {
    return await (tx ? run(tx) : db.$transaction(run));
  } catch (error) {
    if (edit.slug && isSlugViolation(error)) throw await slugTakenError(edit.slug);
    throw error;
  }
}

/**
 * Deletes the room (cascading to messages and participants), its topic count and `audit` in one transaction; false,
 * writing nothing, if it was already gone. `tx` joins a larger transaction.
 */
export async function deleteRoom(
  { id, audit }: { id: string; audit?: (room: { id: string; slug: string; name: string }) => AuditEntryInput },
  tx?: Tx,
): Promise<boolean> {
  const run = async (t: Tx) => {
    const gone = await t.$queryRaw<Array<{ id: string; slug: string; name: string; topicId: string }>>`
      DELETE FROM "Room" WHERE id = ${id} RETURNING id, slug, name, "topicId"`;
    for (const room of gone) {
      await moveTopicRoomCounts({ from: room.topicId, to: null }, t);
      if (audit) await writeAuditEntry(audit(room), t);
    }
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
 * Rooms in id order, `take` after the first `skip`: the start comes from the primary key index alone, then keyset
 * batches, so a late sitemap file costs one index walk plus its own rows and no query holds more than `batch` rows.
 */
export async function listSitemapRooms({ skip, take }: SitemapRange, batch = 10_000): Promise<SitemapRoom[]> {
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
