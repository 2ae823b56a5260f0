// Activity queries: the latest messages across rooms (home panel, /activity) and a member's own (/activity/mine).
// Across rooms "newest first" is by (createdAt, id), not id alone: imported or seeded history can have ids out of
// time order. Pages are keyset pages on that pair; a room's own history stays ordered by id (lib/db/messages.ts).
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";
import { rawAuthor, type MessageAuthor, type RawAuthorColumns } from "./message-author";
import type { WindowInput } from "./paging";
import { excerptOf } from "../messages/excerpt";
import { MAX_MESSAGE_ID } from "../validation/messages";

export interface ActivityItem {
  id: number;
  /** An excerpt of at most ACTIVITY_EXCERPT_CHARS (lib/messages/excerpt.ts) characters (an ellipsis marks a cut). */
  excerpt: string;
  createdAt: Date;
  room: { slug: string; name: string; topic: { name: string; slug: string } };
  /** Null once the author deleted their account ("Anonymous User"). */
  author: MessageAuthor | null;
}

/** A position in an activity list: the createdAt and id of a message. */
export interface ActivityCursor {
  at: Date;
  id: number;
}

/** As it goes in a URL: `<createdAt ms>-<id>`. */
export function encodeActivityCursor({ at, id }: ActivityCursor): string {
  return `${at.getTime()}-${id}`;
}

/** Null for anything that is not a cursor we made (a hand-edited URL starts from the top). */
export function decodeActivityCursor(raw: string | undefined): ActivityCursor | null {
  const match = /^(\d{1,15})-(\d{1,10})$/.exec(raw ?? "");
  if (!match) return null;
  const at = new Date(Number(match[1]));
  const id = Number(match[2]);
  return Number.isNaN(at.getTime()) || id < 1 || id > MAX_MESSAGE_ID ? null : { at, id };
}

const cursorOf = (item: { id: number; createdAt: Date } | undefined) =>
  item ? encodeActivityCursor({ at: item.createdAt, id: item.id }) : null;

/** Messages written before (`lt`) or after (`gt`) the cursor's position. */
function beyond(cursor: ActivityCursor, direction: "lt" | "gt"): Prisma.MessageWhereInput {
  return direction === "lt"
    ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
    : { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.MessageOrderByWithRelationInput[];

export interface ActivityPage {
  items: ActivityItem[];
  /** Pass back as `before` for the older page; null on the oldest. */
  olderCursor: string | null;
  /** Pass back as `after` for the newer page; null on the latest. */
  newerCursor: string | null;
}

/** One row of the cross-room feed, room, topic and author joined in (see activityRows). */
interface ActivityRow extends RawAuthorColumns {
  id: number;
  body: string;
  createdAt: Date;
  roomSlug: string;
  roomName: string;
  topicName: string;
  topicSlug: string;
}

function toActivityItem(row: ActivityRow): ActivityItem {
  return {
    id: row.id,
    excerpt: excerptOf(row.body),
    createdAt: row.createdAt,
    room: { slug: row.roomSlug, name: row.roomName, topic: { name: row.topicName, slug: row.topicSlug } },
    author: rawAuthor.from(row),
  };
}

/** A timestamp parameter read the same whatever the server's time zone (columns hold UTC). */
const utc = (at: Date) => Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** The SQL form of `beyond`: messages written before (`lt`) or after (`gt`) the cursor. */
function beyondSql(cursor: ActivityCursor, direction: "lt" | "gt"): Prisma.Sql {
  return direction === "lt"
    ? Prisma.sql`(m."createdAt" < ${utc(cursor.at)} OR (m."createdAt" = ${utc(cursor.at)} AND m.id < ${cursor.id}))`
    : Prisma.sql`(m."createdAt" > ${utc(cursor.at)} OR (m."createdAt" = ${utc(cursor.at)} AND m.id > ${cursor.id}))`;
}

/**
 * Live messages (optionally of one topic, beyond a cursor) with room, topic and author in one raw query: the home
 * page reads this on every request, and a nested Prisma select costs a query per relation.
 */
async function activityRows({
  topicSlug,
  beyond: position,
  order,
  take,
}: {
  topicSlug?: string;
  beyond?: Prisma.Sql;
  order: "newest" | "oldest";
  take: number;
}) {
  const conditions = [Prisma.sql`m."deletedAt" IS NULL`];
  if (topicSlug) conditions.push(Prisma.sql`t.slug = ${topicSlug}`);
  if (position) conditions.push(position);
  const direction = order === "newest" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return db.$queryRaw<ActivityRow[]>(Prisma.sql`
    SELECT m.id, m.body, m."createdAt", r.slug AS "roomSlug", r.name AS "roomName", t.name AS "topicName", t.slug AS "topicSlug",
           ${rawAuthor.columns}
    FROM "Message" m
    JOIN "Room" r ON r.id = m."roomId"
    JOIN "Topic" t ON t.id = r."topicId"
    ${rawAuthor.joins}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY m."createdAt" ${direction}, m.id ${direction}
    LIMIT ${take}`);
}

/** `before` and `after` are a page's `olderCursor` and `newerCursor`. */
export interface RecentActivityInput extends WindowInput<string> {
  /** Only rooms of this topic. An unknown slug gives an empty page. */
  topicSlug?: string;
}

/** The latest messages across rooms, newest first, in keyset pages; deleted messages are left out. */
export async function listRecentActivity({ topicSlug, ...window }: RecentActivityInput = {}): Promise<ActivityPage> {
  const take = window.take ?? 8;
  const base: Prisma.MessageWhereInput = {
    deletedAt: null,
    ...(topicSlug ? { room: { topic: { slug: topicSlug } } } : {}),
  };
  const exists = async (where: Prisma.MessageWhereInput) =>
    (await db.message.findFirst({ where: { AND: [base, where] }, select: { id: true } })) !== null;
  const afterCursor = decodeActivityCursor(window.after);
  const beforeCursor = afterCursor ? null : decodeActivityCursor(window.before);

  if (afterCursor) {
    // Walk up from the cursor, one extra row telling whether a newer page exists.
    const rows = await activityRows({
      topicSlug,
      beyond: beyondSql(afterCursor, "gt"),
      order: "oldest",
      take: take + 1,
    });
    // Reaching the newest messages: show the latest page, full, rather than a short one.
    if (rows.length <= take) return listRecentActivity({ topicSlug, take });
    const items = rows.slice(0, take).reverse().map(toActivityItem);
    const oldest = items.at(-1);
    const hasOlder = oldest ? await exists(beyond({ at: oldest.createdAt, id: oldest.id }, "lt")) : false;
    return { items, newerCursor: cursorOf(items[0]), olderCursor: hasOlder ? cursorOf(oldest) : null };
  }

  // One extra row tells whether an older page exists.
  const rows = await activityRows({
    topicSlug,
    beyond: beforeCursor ? beyondSql(beforeCursor, "lt") : undefined,
    order: "newest",
    take: take + 1,
  });
  const items = rows.slice(0, take).map(toActivityItem);
  const newest = items[0];
  const hasNewer = beforeCursor && newest ? await exists(beyond({ at: newest.createdAt, id: newest.id }, "gt")) : false;
  return {
    items,
    olderCursor: rows.length > take ? cursorOf(items.at(-1)) : null,
    newerCursor: hasNewer ? cursorOf(newest) : null,
  };
}

export interface ActiveTopic {
  name: string;
  slug: string;
}

/**
 * Topics written in most recently (among the latest `window` messages), for /activity's filter: reads only that
 * window of the index, where ranking topics by room count would aggregate every room on each request.
 */
export async function listActiveTopics({ take = 12, window = 500 }: { take?: number; window?: number } = {}): Promise<
  ActiveTopic[]
> {
  return db.$queryRaw<ActiveTopic[]>(Prisma.sql`
    SELECT t.name, t.slug
    FROM (SELECT "roomId", "createdAt" FROM "Message" WHERE "deletedAt" IS NULL ORDER BY "createdAt" DESC LIMIT ${window}) m
    JOIN "Room" r ON r.id = m."roomId"
    JOIN "Topic" t ON t.id = r."topicId"
    GROUP BY t.id, t.name, t.slug
    ORDER BY max(m."createdAt") DESC, t.name
    LIMIT ${take}`);
}

export interface MyRoom {
  id: string;
  slug: string;
  name: string;
  topic: { name: string; slug: string };
  participantCount: number;
  createdAt: Date;
  lastActivityAt: Date;
}

export interface MyMessage {
  id: number;
  excerpt: string;
  createdAt: Date;
  room: { slug: string; name: string };
}

export interface MyActivity {
  rooms: MyRoom[];
  /** Every room the member hosts (more than `rooms` when the list was cut). */
  roomCount: number;
  messages: MyMessage[];
  /** Every message the member sent that is not deleted. */
  messageCount: number;
  /** Pass back as `before` for older messages; null when there are none. */
  olderCursor: string | null;
}

export interface FindMyActivityInput {
  userId: string;
  /** Only messages older than this position (`olderCursor`). */
  before?: string;
  roomsTake?: number;
  messagesTake?: number;
}

/** What /activity/mine lists: the rooms the member opened (newest first) and their messages (newest first). */
export async function findMyActivity({
  userId,
  before,
  roomsTake = 100,
  messagesTake = 30,
}: FindMyActivityInput): Promise<MyActivity> {
  const messageWhere: Prisma.MessageWhereInput = { authorId: userId, deletedAt: null };
  const beforeCursor = decodeActivityCursor(before);
  const [rooms, roomCount, messageRows, messageCount] = await Promise.all([
    db.room.findMany({
      where: { hostId: userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: roomsTake,
      select: {
        id: true,
        slug: true,
        name: true,
        createdAt: true,
        lastActivityAt: true,
        participantCount: true,
        topic: { select: { name: true, slug: true } },
      },
    }),
    db.room.count({ where: { hostId: userId } }),
    db.message.findMany({
      where: beforeCursor ? { AND: [messageWhere, beyond(beforeCursor, "lt")] } : messageWhere,
      orderBy: NEWEST_FIRST,
      take: messagesTake + 1,
      select: { id: true, body: true, createdAt: true, room: { select: { slug: true, name: true } } },
    }),
    db.message.count({ where: messageWhere }),
  ]);
  const messages = messageRows
    .slice(0, messagesTake)
    .map((m) => ({ id: m.id, excerpt: excerptOf(m.body), createdAt: m.createdAt, room: m.room }));
  return {
    rooms,
    roomCount,
    messages,
    messageCount,
    olderCursor: messageRows.length > messagesTake ? cursorOf(messages.at(-1)) : null,
  };
}
