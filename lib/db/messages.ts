// The messages entity: a room's history, edits, soft deletes; storing is the send statement (./message-send.ts). A
// room's history is ordered by id, never by time. The list across rooms is ./message-list.ts; the rules: lib/chat.
import "server-only";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import type { NotificationKind } from "./generated/prisma/enums";
import { storeEditedMentions } from "./notifications";
import type { Role } from "./generated/prisma/enums";
import type { MessageAuthor } from "./message-author";
import {
  MESSAGE_ROW_COLUMNS,
  MESSAGE_ROW_JOINS,
  MESSAGE_TABLE_COLUMNS,
  QUOTED_BODY_CHARS,
  quoteFrom,
  reactionsColumn,
  type RawReactionGroup,
  type QuotedMessage,
  type RawMessageRow,
} from "./message-rows";
import { rawAuthor } from "./message-author";
import { dropQuestionsOf } from "./questions";
import { resolveOpenReports } from "./reports";
import { roomHeadSelect } from "./rooms";
import { run, statement } from "./statements";
import { toUserSummary, userSummarySelect } from "./users";
import { MAX_MESSAGE_ID } from "../validation/messages";

export type { MessageAuthor } from "./message-author";
export type { QuotedMessage } from "./message-rows";

export const ROOM_PAGE_MESSAGES = 50;

export interface StoredMessage {
  id: number;
  roomId: string;
  /** Empty once deleted: its text never leaves the database. */
  body: string;
  /** The @usernames that named members when it was stored or last edited (lower-case). */
  mentions: string[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Null once the author deleted their account ("Anonymous User"). */
  author: MessageAuthor | null;
  /** The message this one replies to; null when it replies to none. */
  replyTo: QuotedMessage | null;
  /** Its reactions (`mine` for the viewer the page was read for), without names; absent where not read (a send). */
  reactions?: RawReactionGroup[];
}

/** A message by its place: what a deletion tells the rooms. */
export interface MessageRef {
  id: number;
  roomId: string;
}

const messageSelect = {
  id: true,
  roomId: true,
  body: true,
  mentions: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: userSummarySelect },
  replyTo: { select: { id: true, body: true, deletedAt: true, author: { select: { name: true, username: true } } } },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

function toStoredMessage({ author, replyTo, ...row }: MessageRow): StoredMessage {
  return {
    ...row,
    body: row.deletedAt ? "" : row.body,
    author: author ? toUserSummary(author) : null,
    replyTo: replyTo && {
      id: replyTo.id,
      body: replyTo.deletedAt ? "" : replyTo.body.slice(0, QUOTED_BODY_CHARS),
      deleted: replyTo.deletedAt !== null,
      author: replyTo.author,
    },
  };
}

/** A message row with its raw author and quote columns (./message-rows.ts); a deleted one's body is blank. */
export function fromRawRow(row: RawMessageRow & { reactions?: RawReactionGroup[] | null }): StoredMessage {
  const { id, roomId, body, createdAt, editedAt, deletedAt } = row;
  const author = rawAuthor.from(row);
  const mentions = row.mentions ?? [];
  const message = { id, roomId, body: deletedAt ? "" : body, mentions, createdAt, editedAt, deletedAt, author };
  const replyTo = quoteFrom(row);
  return row.reactions === undefined
    ? { ...message, replyTo }
    : { ...message, replyTo, reactions: row.reactions ?? [] };
}

// A page of messages `p` (ascending or descending by id, with LIMIT) and, in the same statement, their authors, quotes
// and reactions (the viewer's own marked: `viewer` is the parameter holding their id); the rows leave ascending by id.
const pageStatement = (name: string, page: string, viewer: string) =>
  statement(
    name,
    `SELECT ${MESSAGE_ROW_COLUMNS}, ${reactionsColumn(viewer)} FROM (${page}) m ${MESSAGE_ROW_JOINS}
     ORDER BY m.id`,
  );

const FROM_ROOM = `SELECT ${MESSAGE_TABLE_COLUMNS} FROM "Message" WHERE "roomId" = $1`;
// The cursors are bigint: "before" the largest id + 1 is the latest page.
const PAGE_BEFORE = pageStatement(
  "messages_before",
  `${FROM_ROOM} AND id < $2::bigint ORDER BY id DESC LIMIT $3`,
  "$4",
);
const PAGE_AFTER = pageStatement("messages_after", `${FROM_ROOM} AND id > $2::bigint ORDER BY id LIMIT $3`, "$4");
// The (roomId, id) index bounds the scan to what the client holds; few of those rows changed.
const CHANGED_AFTER = pageStatement(
  "messages_changed_after",
  `${FROM_ROOM} AND id > $2::bigint
     AND ("editedAt" > ($4::timestamptz AT TIME ZONE 'UTC') OR "deletedAt" > ($4::timestamptz AT TIME ZONE 'UTC'))
   ORDER BY id LIMIT $3`,
  "$5",
);
// Two reads on the (roomId, id) index, in one statement: the older half, then the message and the newer ones.
const AROUND = pageStatement(
  "messages_around",
  `(${FROM_ROOM} AND id < $2 ORDER BY id DESC LIMIT $3) UNION ALL (${FROM_ROOM} AND id >= $2 ORDER BY id LIMIT $4)`,
  "$5",
);
// The room page's first read: by slug, so it runs beside the room's own query.
const LATEST_BY_SLUG = pageStatement(
  "messages_latest_by_slug",
  `SELECT ${MESSAGE_TABLE_COLUMNS} FROM "Message" WHERE "roomId" = (SELECT id FROM "Room" WHERE slug = $1)
   ORDER BY id DESC LIMIT $2`,
  "$3",
);
const BY_CLIENT_KEY = statement(
  "message_by_client_key",
  `SELECT ${MESSAGE_ROW_COLUMNS} FROM "Message" m ${MESSAGE_ROW_JOINS} WHERE m."authorId" = $1 AND m."clientKey" = $2`,
);

const readPage = async (page: typeof PAGE_BEFORE, values: unknown[]) =>
  (await run<RawMessageRow & { reactions?: RawReactionGroup[] | null }>(page, values)).map(fromRawRow);

export async function findMessage({ id }: { id: number }): Promise<StoredMessage | null> {
  if (id > MAX_MESSAGE_ID) return null;
  const row = await db.message.findUnique({ where: { id }, select: messageSelect });
  return row ? toStoredMessage(row) : null;
}

/**
 * The message this author already sent with this client key, if any (one query). Raw SQL, as on
 * the whole send path: Prisma compiles every model query afresh, and every live message pays it.
 */
export async function findMessageByClientKey({
  authorId,
  clientKey,
}: {
  authorId: string;
  clientKey: string;
}): Promise<StoredMessage | null> {
  const [message] = await readPage(BY_CLIENT_KEY, [authorId, clientKey]);
  return message ?? null;
}

export interface MessagePage {
  /** Ascending by id. */
  messages: StoredMessage[];
  hasMore: boolean;
}

/**
 * A page ascending by id: the latest `limit`, the `limit` before `before`, or the `limit` after `after` (catch-up).
 * `hasMore` tells whether older (latest, before) or newer (after) messages exist.
 */
export async function listMessages({
  roomId,
  before,
  after,
  changedSince,
  limit,
  viewerId = null,
}: {
  roomId: string;
  /** Whose reactions are marked `mine` (null: nobody's). */
  viewerId?: string | null;
  before?: number;
  after?: number;
  /** Only messages edited or deleted after this moment (with `after`). */
  changedSince?: Date;
  limit: number;
}): Promise<MessagePage> {
  // One extra row tells whether more exist.
  if (after !== undefined) {
    if (after >= MAX_MESSAGE_ID) return { messages: [], hasMore: false };
    const rows = changedSince
      ? await readPage(CHANGED_AFTER, [roomId, after, limit + 1, changedSince.toISOString(), viewerId])
      : await readPage(PAGE_AFTER, [roomId, after, limit + 1, viewerId]);
    return { messages: rows.slice(0, limit), hasMore: rows.length > limit };
  }
  const rows = await readPage(PAGE_BEFORE, [
    roomId,
    before === undefined ? MAX_MESSAGE_ID + 1 : Math.min(before, MAX_MESSAGE_ID),
    limit + 1,
    viewerId,
  ]);
  return olderPage(rows, limit);
}

/** A page read newest first with one extra row, ascending: the extra (oldest) row only says more exist. */
function olderPage(rows: StoredMessage[], limit: number): MessagePage {
  return { messages: rows.slice(Math.max(0, rows.length - limit)), hasMore: rows.length > limit };
}

export interface MessageWindow {
  /** Ascending by id, the asked-for message among them (a tombstone if deleted). */
  messages: StoredMessage[];
  hasOlder: boolean;
  hasNewer: boolean;
}

/**
 * Up to `limit` messages centred on message `id` of this room: the older half, then the message and the newer ones.
 * Null when the room holds no message `id`. One statement (AROUND).
 */
export async function listMessagesAround({
  roomId,
  id,
  limit,
  viewerId = null,
}: {
  roomId: string;
  id: number;
  limit: number;
  viewerId?: string | null;
}): Promise<MessageWindow | null> {
  if (id > MAX_MESSAGE_ID) return null;
  const olderCount = Math.floor((limit - 1) / 2);
  const newerCount = limit - olderCount;
  // One extra row each way tells whether more exist.
  const rows = await readPage(AROUND, [roomId, id, olderCount + 1, newerCount + 1, viewerId]);
  const split = rows.findIndex((message) => message.id >= id);
  const older = split === -1 ? rows : rows.slice(0, split);
  const newer = split === -1 ? [] : rows.slice(split);
  if (newer[0]?.id !== id) return null;
  return {
    messages: [...older.slice(Math.max(0, older.length - olderCount)), ...newer.slice(0, newerCount)],
    hasOlder: older.length > olderCount,
    hasNewer: newer.length > newerCount,
  };
}

export interface RoomWithMessages {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  topic: { name: string; slug: string };
  host: MessageAuthor | null;
  participantCount: number;
  /** The host shows a weekly study board (lib/study/study-board.ts). */
  studyBoard: boolean;
  /** Oldest first. */
  messages: StoredMessage[];
  /** True when older messages exist beyond `messages`. */
  hasOlder: boolean;
}

/** The room by slug with its latest `take` messages, oldest first; null for an unknown slug. */
export async function findRoomWithLatestMessages(
  slug: string,
  take = ROOM_PAGE_MESSAGES,
  viewerId: string | null = null,
): Promise<RoomWithMessages | null> {
  // Side by side: the messages (with authors and quotes) are one statement that finds the room by slug itself.
  const [room, rows] = await Promise.all([
    db.room.findUnique({
      where: { slug },
      select: { ...roomHeadSelect, studyBoard: true, _count: { select: { participants: true } } },
    }),
    readPage(LATEST_BY_SLUG, [slug, take + 1, viewerId]),
  ]);
  if (!room) return null;
  const { host, _count, ...rest } = room;
  const { messages, hasMore } = olderPage(rows, take);
  return {
    ...rest,
    host: host ? toUserSummary(host) : null,
    participantCount: _count.participants,
    messages,
    hasOlder: hasMore,
  };
}

/**
 * Edits an author's own live message and stores its mentions (./notifications.ts); null when nothing matched. The
 * condition repeats the caller's checks so that a delete racing the edit wins.
 */
export async function updateMessageBody({
  id,
  authorId,
  body,
  usernames,
}: {
  id: number;
  authorId: string;
  body: string;
  /** The usernames the new body mentions. */
  usernames: string[];
}): Promise<{ message: StoredMessage; notified: Array<{ userId: string; kind: NotificationKind }> } | null> {
  const notified = await db.$transaction(async (tx) => {
    const { count } = await tx.message.updateMany({
      where: { id, authorId, deletedAt: null },
      data: { body, editedAt: new Date() },
    });
    return count === 1 ? storeEditedMentions(tx, { messageId: id, authorId, usernames }) : null;
  });
  const message = notified && (await findMessage({ id }));
  return message ? { message, notified: notified ?? [] } : null;
}

/** What deciding a deletion needs: the author, the room (its host) and what the audit log names. */
export interface MessageForDeletion extends MessageRef {
  body: string;
  deletedAt: Date | null;
  authorId: string | null;
  author: { username: string; role: Role } | null;
  room: { slug: string; name: string; hostId: string | null };
}

export async function findMessageForDeletion({ id }: { id: number }): Promise<MessageForDeletion | null> {
  if (id > MAX_MESSAGE_ID) return null;
  return db.message.findUnique({
    where: { id },
    select: {
      id: true,
      roomId: true,
      body: true,
      deletedAt: true,
      authorId: true,
      author: { select: { username: true, role: true } },
      room: { select: { slug: true, name: true, hostId: true } },
    },
  });
}

/** Not deleted. */
export const LIVE = { deletedAt: null } satisfies Prisma.MessageWhereInput;

/**
 * Blanks the body but keeps the id's place in the room's history; writes `audit` in the same transaction. False when
 * already deleted, so of two concurrent deletes only the one that changed the row is audited.
 */
export async function softDeleteMessage({
  id,
  audit,
  resolvedById = null,
}: {
  id: number;
  audit?: AuditEntryInput;
  /** Who resolves its open reports (./reports.ts): the moderator or host deleting it; null for its author. */
  resolvedById?: string | null;
}): Promise<SoftDeletion> {
  const run = async (tx: Prisma.TransactionClient): Promise<SoftDeletion> => {
    const { count } = await tx.message.updateMany({
      where: { id, ...LIVE },
      data: { deletedAt: new Date(), body: "" },
    });
    if (count !== 1) return { changed: false, reporterIds: [] };
    // A deleted message's pin and reactions go with its words (lib/db/pins.ts, ./reactions.ts); its open reports are
    // answered: there is nothing left to moderate.
    await tx.pin.deleteMany({ where: { messageId: id } });
    await tx.reaction.deleteMany({ where: { messageId: id } });
    // A deleted question is no longer asked (./questions.ts); a deleted accepted answer reopens its question.
    await dropQuestionsOf(tx, Prisma.sql`SELECT ${id}::int`);
    const reporterIds = await resolveOpenReports(tx, { messageIds: [id], outcome: "DELETED", byId: resolvedById });
    if (audit) await writeAuditEntry(audit, tx);
    return { changed: true, reporterIds };
  };
  return db.$transaction(run);
}

/** Whether a soft delete changed the row, and whose open reports of it were resolved as deleted. */
export interface SoftDeletion {
  changed: boolean;
  reporterIds: string[];
}

export type BulkDeletion =
  | { deleted: MessageRef[] }
  /** The member (or the room) named no longer exists: nothing was changed. */
  | { missing: "user" | "room" };

/**
 * Soft-deletes every live message of the member (only in `roomId` when given) and writes the
 * entry `audit` makes of the outcome, in one transaction.
 */
export async function softDeleteMessagesOf({
  authorId,
  roomId,
  audit,
}: {
  authorId: string;
  roomId?: string;
  audit: (outcome: { username: string; roomName: string | null; count: number }) => AuditEntryInput;
}): Promise<BulkDeletion> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: authorId }, select: { username: true } });
    if (!user) return { missing: "user" };
    const room = roomId ? await tx.room.findUnique({ where: { id: roomId }, select: { name: true } }) : null;
    if (roomId && !room) return { missing: "room" };
    const deleted = await tx.$queryRaw<MessageRef[]>`
      UPDATE "Message" SET "deletedAt" = now(), body = ''
      WHERE "authorId" = ${authorId} AND "deletedAt" IS NULL ${roomId ? Prisma.sql`AND "roomId" = ${roomId}` : Prisma.empty}
      RETURNING id, "roomId"`;
    // Their pins and reactions go with their words (a statement, not thousands of ids as parameters).
    const theirs = Prisma.sql`SELECT id FROM "Message"
      WHERE "authorId" = ${authorId} AND "deletedAt" IS NOT NULL ${roomId ? Prisma.sql`AND "roomId" = ${roomId}` : Prisma.empty}`;
    if (deleted.length) {
      await tx.$executeRaw`DELETE FROM "Pin" WHERE "messageId" IN (${theirs})`;
      await tx.$executeRaw`DELETE FROM "Reaction" WHERE "messageId" IN (${theirs})`;
      await dropQuestionsOf(tx, theirs);
    }
    const entry = audit({ username: user.username, roomName: room?.name ?? null, count: deleted.length });
    // Their open reports are answered by the clean-up (only the just deleted can have any: deletion resolves them).
    if (deleted.length) await resolveOpenReports(tx, { messageIds: theirs, outcome: "DELETED", byId: entry.actorId });
    await writeAuditEntry(entry, tx);
    return { deleted };
  });
}
