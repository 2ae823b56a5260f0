// The room feed's query: case-insensitive substring search over the room name, description,
// topic name and host (username and display name), a topic filter, three sorts and keyset
// paging. Each searched column has a pg_trgm GIN index; a search is one branch per way of
// matching (text, topic, host), so PostgreSQL uses each index and never reads every room.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { RoomSort } from "../validation/rooms";

export interface RoomFeedFilter {
  q?: string;
  topicSlug?: string;
}

/** Escapes LIKE's wildcards so that a search for "50%" means those three characters. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** "@dana" is how people write a handle; usernames are stored without the "@". */
function searchTerm(q: string | undefined): string | undefined {
  return q?.replace(/^@(?=\S)/, "") || undefined;
}

const topicCondition = (topicSlug: string) => Prisma.sql`r."topicId" = (SELECT id FROM "Topic" WHERE slug = ${topicSlug})`;

/**
 * The three ways a room matches `q`, each a condition on "Room" r alone. Topics and hosts are
 * looked up first (a handful of rows, through their trigram indexes) and passed as an array, so
 * PostgreSQL reads the matching rooms through the topicId and hostId indexes instead of joining
 * every room.
 */
function matchBranches(q: string): Prisma.Sql[] {
  const pattern = likePattern(q);
  return [
    Prisma.sql`(r.name ILIKE ${pattern} OR r.description ILIKE ${pattern})`,
    Prisma.sql`r."topicId" = ANY (ARRAY(SELECT id FROM "Topic" WHERE name ILIKE ${pattern}))`,
    Prisma.sql`r."hostId" = ANY (ARRAY(SELECT id FROM "User" WHERE username ILIKE ${pattern} OR name ILIKE ${pattern}))`,
  ];
}

/** The ids of rooms whose name, description, topic or host matches `q` (and the other conditions). */
export function matchingRoomIds(q: string, conditions: Prisma.Sql[] = []): Prisma.Sql {
  const branches = matchBranches(q).map((match) => Prisma.sql`SELECT r.id FROM "Room" r WHERE ${Prisma.join([match, ...conditions], " AND ")}`);
  return Prisma.join(branches, " UNION ");
}

/** The WHERE conditions of a feed without a search (topic filter only). */
function filterConditions({ topicSlug }: RoomFeedFilter): Prisma.Sql[] {
  return topicSlug ? [topicCondition(topicSlug)] : [];
}

const SORT_COLUMN: Record<RoomSort, Prisma.Sql> = {
  active: Prisma.sql`r."lastActivityAt"`,
  newest: Prisma.sql`r."createdAt"`,
  participants: Prisma.sql`r."participantCount"`,
};

/** A position in a sorted feed: the sort key and id of the last room shown. */
export interface FeedCursor {
  key: string | number;
  id: string;
}

export function encodeCursor(cursor: FeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** Null for anything that is not a cursor we made (a tampered URL starts from the top). */
export function decodeCursor(raw: string | undefined, sort: RoomSort): FeedCursor | null {
  if (!raw) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof id !== "string" || id.length > 40) return null;
    if (sort === "participants" ? typeof key !== "number" : typeof key !== "string" || Number.isNaN(Date.parse(key))) return null;
    return { key: key as string | number, id };
  } catch {
    return null;
  }
}

/** The ordered, paged id query of a feed; fetches one extra row to know if a next page exists. */
export function feedPageQuery(filter: RoomFeedFilter, sort: RoomSort, cursor: FeedCursor | null, limit: number): Prisma.Sql {
  const column = SORT_COLUMN[sort];
  const conditions = filterConditions(filter);
  if (cursor) {
    const key = sort === "participants" ? Prisma.sql`${cursor.key}::int` : Prisma.sql`${cursor.key}::timestamp`;
    conditions.push(Prisma.sql`(${column}, r.id) < (${key}, ${cursor.id})`);
  }
  const order = Prisma.sql`ORDER BY ${column} DESC, r.id DESC LIMIT ${limit + 1}`;
  const orderByKey = Prisma.sql`ORDER BY key DESC, id DESC LIMIT ${limit + 1}`;
  const term = searchTerm(filter.q);
  if (!term) {
    const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    return Prisma.sql`SELECT r.id, ${column} AS key FROM "Room" r ${where} ${order}`;
  }
  // One page per way of matching, then the best of the three. The name/description branch lets
  // PostgreSQL choose between walking the sort index (a common word fills a page at once) and
  // the trigram indexes (a rare one); the topic and host branches read their few rooms through
  // the btree indexes, fenced (OFFSET 0) so a LIMIT never tempts the planner into walking every
  // room. Nothing sorts or hash-joins all 100,000 rooms any more.
  const [byText, byTopic, byHost] = matchBranches(term).map((match) => Prisma.join([match, ...conditions], " AND "));
  return Prisma.sql`
    SELECT id, key FROM (
      (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byText} ${order})
      UNION
      (SELECT id, key FROM (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byTopic} OFFSET 0) t ${orderByKey})
      UNION
      (SELECT id, key FROM (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byHost} OFFSET 0) h ${orderByKey})
    ) m ${orderByKey}`;
}

export function feedCountQuery(filter: RoomFeedFilter): Prisma.Sql {
  const conditions = filterConditions(filter);
  const term = searchTerm(filter.q);
  // The union counted as it is: joining it back to "Room" read every room.
  if (term) return Prisma.sql`SELECT count(*)::int AS n FROM (${matchingRoomIds(term, conditions)}) m`;
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int AS n FROM "Room" r ${where}`;
}
