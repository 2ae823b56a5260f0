// Chat queries: storing a message (idempotent on the sender's client key), history pages and
// catch-up by id, edits and soft deletes, read positions and unread counts, and the presence
// rows kept from the realtime server's webhooks. The rules (who may do what) live in lib/chat.
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { avatarUrlOf } from "./users";

/** Message ids are PostgreSQL integers; larger values from a URL would make Prisma throw. */
export const MAX_MESSAGE_ID = 2_147_483_647;

/** Unread counts stop at this many per room: badges show "99+", and counting stays cheap. */
export const UNREAD_COUNT_CAP = 100;

export interface ChatRoom {
  id: string;
  slug: string;
  hostId: string | null;
}

export interface StoredAuthor {
  id: string;
  username: string;
  name: string;
  avatarUrl: string | null;
}

export interface StoredMessage {
  id: number;
  roomId: string;
  /** Empty once deleted. */
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: StoredAuthor | null;
}

const messageSelect = {
  id: true,
  roomId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, username: true, name: true, image: true, avatar: { select: { updatedAt: true } } } },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

function toStoredMessage(row: MessageRow): StoredMessage {
  const { author, ...rest } = row;
  return {
    ...rest,
    body: row.deletedAt ? "" : row.body,
    author: author
      ? { id: author.id, username: author.username, name: author.name, avatarUrl: avatarUrlOf(author) }
      : null,
  };
}

/**
 * Raw SQL on the send path: Prisma compiles every model query afresh (its WASM query compiler
 * has no plan cache in 6.x), which costs several times the CPU of the query itself, and every
 * live message pays it (tests/bench/chat-fanout.ts reports the app's CPU per message).
 */
export async function findChatRoom({ slug }: { slug: string }): Promise<ChatRoom | null> {
  const rows = await db.$queryRaw<ChatRoom[]>`SELECT id, slug, "hostId" FROM "Room" WHERE slug = ${slug}`;
  return rows[0] ?? null;
}

export async function roomExists({ id }: { id: string }): Promise<boolean> {
  return (await db.room.count({ where: { id } })) === 1;
}

export async function findMessage({ id }: { id: number }): Promise<StoredMessage | null> {
  if (id > MAX_MESSAGE_ID) return null;
  const row = await db.message.findUnique({ where: { id }, select: messageSelect });
  return row ? toStoredMessage(row) : null;
}

/** A message row with its author, as the raw queries of the send path return it. */
interface RawMessageRow {
  id: number;
  roomId: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  authorId: string | null;
  authorUsername: string | null;
  authorName: string | null;
  authorImage: string | null;
  authorAvatarAt: Date | null;
}

function fromRawRow(row: RawMessageRow): StoredMessage {
  return {
    id: row.id,
    roomId: row.roomId,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    author:
      row.authorId === null
        ? null
        : {
            id: row.authorId,
            username: row.authorUsername ?? "",
            name: row.authorName ?? "",
            avatarUrl: avatarUrlOf({
              id: row.authorId,
              image: row.authorImage,
              avatar: row.authorAvatarAt ? { updatedAt: row.authorAvatarAt } : null,
            }),
          },
  };
}

const RAW_MESSAGE_COLUMNS = Prisma.sql`
  m.id, m."roomId", m.body, m."createdAt", m."editedAt", m."deletedAt",
  u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName", u.image AS "authorImage",
  a."updatedAt" AS "authorAvatarAt"`;

/** The message this author already sent with this client key, if any (one query). */
export async function findMessageByClientKey({
  authorId,
  clientKey,
}: {
  authorId: string;
  clientKey: string;
}): Promise<StoredMessage | null> {
  const rows = await db.$queryRaw<RawMessageRow[]>`
    SELECT ${RAW_MESSAGE_COLUMNS}
    FROM "Message" m
    LEFT JOIN "User" u ON u.id = m."authorId"
    LEFT JOIN "Avatar" a ON a."userId" = m."authorId"
    WHERE m."authorId" = ${authorId} AND m."clientKey" = ${clientKey}`;
  return rows[0] ? fromRawRow(rows[0]) : null;
}

/**
 * Stores a message and, in the same statement, makes the author a participant (counted in
 * Room.participantCount), moves the room's last activity forward and marks the author's read
 * position at their own message; answers the stored message with its author. One round trip
 * instead of a ten-statement transaction: the send path waits on it before anyone hears of the
 * message. A second insert with the same (author, client key) stores nothing and returns the
 * first message with `created: false`, also when both arrive at once (the unique index decides).
 */
export async function insertMessage({
  roomId,
  authorId,
  body,
  clientKey,
}: {
  roomId: string;
  authorId: string;
  body: string;
  clientKey: string;
}): Promise<{ message: StoredMessage; created: boolean }> {
  // The application's clock, as Prisma's @default(now()) would use, sent as UTC so that the
  // database session's time zone never matters (the columns are timestamps without zone).
  const now = new Date().toISOString();
  // One statement is atomic (data-modifying CTEs run even when nothing reads them). Each part
  // reads the one before it, so the rows are locked in one order: the message, the participant,
  // then the room (its new count needs the participant part first), the order of every other
  // membership change (lib/db/participants.ts); concurrent sends never wait on each other in a
  // cycle. `xmax = 0` tells a participant row just inserted from one that was updated.
  const rows = await db.$queryRaw<RawMessageRow[]>`
    WITH inserted AS (
      INSERT INTO "Message" ("roomId", "authorId", body, "clientKey", "createdAt")
      VALUES (${roomId}, ${authorId}, ${body}, ${clientKey}, (${now}::timestamptz AT TIME ZONE 'UTC'))
      ON CONFLICT ("authorId", "clientKey") DO NOTHING
      RETURNING id, "roomId", "authorId", body, "createdAt", "editedAt", "deletedAt"
    ), participant AS (
      INSERT INTO "Participant" ("roomId", "userId", "joinedAt", "lastReadMessageId")
      SELECT "roomId", "authorId", "createdAt", id FROM inserted
      ON CONFLICT ("roomId", "userId") DO UPDATE SET "lastReadMessageId" = EXCLUDED."lastReadMessageId"
        WHERE "Participant"."lastReadMessageId" IS NULL OR "Participant"."lastReadMessageId" < EXCLUDED."lastReadMessageId"
      RETURNING (xmax = 0) AS joined
    ), room AS (
      UPDATE "Room" r
      SET "lastActivityAt" = GREATEST(r."lastActivityAt", inserted."createdAt"),
          "participantCount" = r."participantCount" + (SELECT count(*)::int FROM participant WHERE joined),
          "updatedAt" = inserted."createdAt"
      FROM inserted
      WHERE r.id = inserted."roomId"
      RETURNING r.id
    )
    SELECT ${RAW_MESSAGE_COLUMNS}
    FROM inserted m
    LEFT JOIN "User" u ON u.id = m."authorId"
    LEFT JOIN "Avatar" a ON a."userId" = m."authorId"`;
  const inserted = rows[0];
  if (inserted) return { message: fromRawRow(inserted), created: true };
  const message = await findMessageByClientKey({ authorId, clientKey });
  // Unreachable unless the row vanished between the two statements (its room deleted meanwhile).
  if (!message) throw new Error(`message with client key ${clientKey} disappeared after insert`);
  return { message, created: false };
}

export interface MessagePage {
  /** Ascending by id. */
  messages: StoredMessage[];
  hasMore: boolean;
}

/**
 * A page of a room's messages, ascending by id: the latest `limit` (no cursor), the `limit`
 * before `before` (scrolling up), or the `limit` after `after` (catch-up). `hasMore` says
 * whether older messages exist (latest, before) or newer ones (after).
 */
export async function listMessages({
  roomId,
  before,
  after,
  changedSince,
  limit,
}: {
  roomId: string;
  before?: number;
  after?: number;
  /** Only messages edited or deleted after this moment (with `after`). */
  changedSince?: Date;
  limit: number;
}): Promise<MessagePage> {
  if (after !== undefined) {
    if (after >= MAX_MESSAGE_ID) return { messages: [], hasMore: false };
    const changed = changedSince
      ? { OR: [{ editedAt: { gt: changedSince } }, { deletedAt: { gt: changedSince } }] }
      : {};
    const rows = await db.message.findMany({
      // The (roomId, id) index bounds the scan to what the client holds; few of those rows changed.
      where: { roomId, id: { gt: after }, ...changed },
      orderBy: { id: "asc" },
      take: limit + 1,
      select: messageSelect,
    });
    return { messages: rows.slice(0, limit).map(toStoredMessage), hasMore: rows.length > limit };
  }
  const rows = await db.message.findMany({
    where: { roomId, ...(before !== undefined ? { id: { lt: Math.min(before, MAX_MESSAGE_ID) } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: messageSelect,
  });
  return { messages: rows.slice(0, limit).reverse().map(toStoredMessage), hasMore: rows.length > limit };
}

/**
 * Replaces the body of an author's own live message and stamps editedAt. Null when nothing
 * matched (deleted meanwhile, or not theirs): the condition repeats the caller's checks so a
 * delete racing the edit wins.
 */
export async function updateMessageBody({
  id,
  authorId,
  body,
}: {
  id: number;
  authorId: string;
  body: string;
}): Promise<StoredMessage | null> {
  const { count } = await db.message.updateMany({
    where: { id, authorId, deletedAt: null },
    data: { body, editedAt: new Date() },
  });
  return count === 1 ? findMessage({ id }) : null;
}

/** Soft-deletes: sets deletedAt and blanks the body. False when it was already deleted. */
export async function softDeleteMessage({ id }: { id: number }): Promise<boolean> {
  const { count } = await db.message.updateMany({
    where: { id, deletedAt: null },
    data: { deletedAt: new Date(), body: "" },
  });
  return count === 1;
}

// ---------------------------------------------------------------------------------------------
// Read positions and unread counts

/**
 * Moves the member's read position in the room up to `messageId` (or the room's latest message),
 * never backwards and never past the room's latest message. Returns the position afterwards;
 * null when they are not a participant (reading a room does not join it) or nothing was read yet.
 */
export async function advanceReadPosition({
  roomId,
  userId,
  messageId,
}: {
  roomId: string;
  userId: string;
  messageId?: number;
}): Promise<number | null> {
  const upTo = Math.min(messageId ?? MAX_MESSAGE_ID, MAX_MESSAGE_ID);
  const rows = await db.$queryRaw<Array<{ lastReadMessageId: number | null }>>`
    WITH target AS (
      SELECT LEAST(${upTo}::int, (SELECT max(id) FROM "Message" WHERE "roomId" = ${roomId})) AS id
    ), moved AS (
      UPDATE "Participant" p SET "lastReadMessageId" = target.id
      FROM target
      WHERE p."roomId" = ${roomId} AND p."userId" = ${userId} AND target.id IS NOT NULL
        AND (p."lastReadMessageId" IS NULL OR p."lastReadMessageId" < target.id)
      RETURNING p."lastReadMessageId"
    )
    SELECT "lastReadMessageId" FROM moved
    UNION ALL
    SELECT "lastReadMessageId" FROM "Participant"
    WHERE "roomId" = ${roomId} AND "userId" = ${userId} AND NOT EXISTS (SELECT 1 FROM moved)`;
  return rows[0]?.lastReadMessageId ?? null;
}

/**
 * Unread messages per room for a member: messages by others, not deleted, after their read
 * position (all of them if they never read the room). Rooms they do not participate in are 0.
 * Each count stops at UNREAD_COUNT_CAP.
 */
export async function countUnread({
  userId,
  roomIds,
}: {
  userId: string;
  roomIds?: string[];
}): Promise<Map<string, number>> {
  if (roomIds?.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ roomId: string; unread: number }>>`
    SELECT p."roomId" AS "roomId", (
      SELECT count(*)::int FROM (
        SELECT 1 FROM "Message" m
        WHERE m."roomId" = p."roomId" AND m.id > COALESCE(p."lastReadMessageId", 0)
          AND m."deletedAt" IS NULL AND m."authorId" IS DISTINCT FROM p."userId"
        LIMIT ${UNREAD_COUNT_CAP}
      ) AS capped
    ) AS unread
    FROM "Participant" p
    WHERE p."userId" = ${userId} AND (${roomIds ?? null}::text[] IS NULL OR p."roomId" = ANY(${roomIds ?? null}::text[]))`;
  return new Map(rows.map((r) => [r.roomId, r.unread]));
}

// ---------------------------------------------------------------------------------------------
// Presence (lib/realtime/presence.ts): one row per room and member, from webhooks

/**
 * Records that `userId` joined (`online`) or left the room's presence channel at `at`, unless a
 * newer event for them was recorded already. Unknown rooms and users are ignored.
 */
export async function recordPresence({
  roomId,
  userId,
  online,
  at,
}: {
  roomId: string;
  userId: string;
  online: boolean;
  at: Date;
}): Promise<void> {
  // The time goes in as an ISO string converted in SQL, so the server's time zone never matters.
  const iso = at.toISOString();
  await db.$executeRaw`
    INSERT INTO "RoomPresence" ("roomId", "userId", "online", "eventAt")
    SELECT ${roomId}, ${userId}, ${online}, (${iso}::timestamptz AT TIME ZONE 'UTC')
    WHERE EXISTS (SELECT 1 FROM "Room" WHERE id = ${roomId}) AND EXISTS (SELECT 1 FROM "User" WHERE id = ${userId})
    ON CONFLICT ("roomId", "userId") DO UPDATE SET "online" = EXCLUDED."online", "eventAt" = EXCLUDED."eventAt"
    WHERE "RoomPresence"."eventAt" <= EXCLUDED."eventAt"`;
}

/** Everyone left the room's channel at `at`: every row goes offline as of then. */
export async function vacateRoomPresence({ roomId, at }: { roomId: string; at: Date }): Promise<void> {
  const iso = at.toISOString();
  // Rows only guard against late webhooks, which are never a day late: drop the old offline ones.
  await db.$executeRaw`
    DELETE FROM "RoomPresence"
    WHERE "roomId" = ${roomId} AND NOT "online" AND "eventAt" < (${iso}::timestamptz AT TIME ZONE 'UTC') - interval '1 day'`;
  // Every remaining row takes the vacate's time, so a member_added older than it, arriving late,
  // cannot bring anyone back.
  await db.$executeRaw`
    UPDATE "RoomPresence" SET "online" = false, "eventAt" = (${iso}::timestamptz AT TIME ZONE 'UTC')
    WHERE "roomId" = ${roomId} AND "eventAt" <= (${iso}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * Members online per room; rooms with nobody online are absent. Raw SQL: every home page asks,
 * and Prisma's groupBy cost ~2 ms of CPU per call to compile against ~0.5 ms for this.
 */
export async function countOnline({ roomIds }: { roomIds: string[] }): Promise<Map<string, number>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ roomId: string; n: number }>>`
    SELECT "roomId", count(*)::int AS n FROM "RoomPresence"
    WHERE "roomId" = ANY(${roomIds}::text[]) AND online
    GROUP BY "roomId"`;
  return new Map(rows.map((r) => [r.roomId, r.n]));
}
