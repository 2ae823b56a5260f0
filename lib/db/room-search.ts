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

const topicCondition = (topicSlug: string) =>
  Prisma.sql`r."topicId" = (SELECT id FROM "Topic" WHERE slug = ${topicSlug})`;

const matchingTopicIds = (q: string) => Prisma.sql`SELECT id FROM "Topic" WHERE name ILIKE ${likePattern(q)}`;

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
    Prisma.sql`r."topicId" = ANY (ARRAY(${matchingTopicIds(q)}))`,
    Prisma.sql`r."hostId" = ANY (ARRAY(SELECT id FROM "User" WHERE username ILIKE ${pattern} OR name ILIKE ${pattern}))`,
  ];
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
    if (sort === "participants" ? typeof key !== "number" : typeof key !== "string" || Number.isNaN(Date.parse(key)))
      return null;
    return { key: key as string | number, id };
  } catch {
    return null;
  }
}

/** One row of a feed page: the sort key and everything a card shows, host and topic joined in. */
export interface FeedCardRow {
  key: Date | number;
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  lastActivityAt: Date;
  participantCount: number;
  topicName: string;
  topicSlug: string;
  hostId: string | null;
  hostUsername: string | null;
  hostName: string | null;
  hostImage: string | null;
  hostAvatarAt: Date | null;
}

/**
 * A feed page with its cards in one round trip: the ordered, paged ids (feedPageQuery), joined to
 * the room, its topic and its host. (Loading the cards with Prisma's findMany took four more
 * queries, one per relation, which cost more than the search itself.)
 */
export function feedCardsQuery(
  filter: RoomFeedFilter,
  sort: RoomSort,
  cursor: FeedCursor | null,
  limit: number,
): Prisma.Sql {
  return Prisma.sql`
    SELECT p.key, r.id, r.slug, r.name, r.description, r."createdAt", r."lastActivityAt", r."participantCount",
           t.name AS "topicName", t.slug AS "topicSlug",
           u.id AS "hostId", u.username AS "hostUsername", u.name AS "hostName", u.image AS "hostImage", a."updatedAt" AS "hostAvatarAt"
    FROM (${feedPageQuery(filter, sort, cursor, limit)}) p
    JOIN "Room" r ON r.id = p.id
    JOIN "Topic" t ON t.id = r."topicId"
    LEFT JOIN "User" u ON u.id = r."hostId"
    LEFT JOIN "Avatar" a ON a."userId" = u.id
    ORDER BY p.key DESC, p.id DESC`;
}

/** The ordered, paged id query of a feed; fetches one extra row to know if a next page exists. */
export function feedPageQuery(
  filter: RoomFeedFilter,
  sort: RoomSort,
  cursor: FeedCursor | null,
  limit: number,
): Prisma.Sql {
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
  // the btree indexes (fenced by OFFSET 0, or one LATERAL page per topic) so a LIMIT never
  // tempts the planner into walking every room. Nothing sorts or hash-joins all 100,000 rooms.
  const [byText, byTopic, byHost] = matchBranches(term).map((match) => Prisma.join([match, ...conditions], " AND "));
  // Most active first, a topic's rooms are already in order in the (topicId, lastActivityAt)
  // index: the top page of each matching topic (40 topics × 25 rooms for "the") instead of every
  // room of those topics (4,000) sorted.
  const topicBranch =
    sort === "active"
      ? Prisma.sql`(SELECT x.id, x.key FROM (${matchingTopicIds(term)}) mt CROSS JOIN LATERAL (
          SELECT r.id, ${column} AS key FROM "Room" r WHERE ${Prisma.join([Prisma.sql`r."topicId" = mt.id`, ...conditions], " AND ")} ${order}
        ) x ${orderByKey})`
      : Prisma.sql`(SELECT id, key FROM (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byTopic} OFFSET 0) t ${orderByKey})`;
  return Prisma.sql`
    SELECT id, key FROM (
      (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byText} ${order})
      UNION
      ${topicBranch}
      UNION
      (SELECT id, key FROM (SELECT r.id, ${column} AS key FROM "Room" r WHERE ${byHost} OFFSET 0) h ${orderByKey})
    ) m ${orderByKey}`;
}

/**
 * How many rooms a search matches, counted up to `cap` + 1: a result of `cap` + 1 means "more than
 * `cap`". A common word ("the", "and") matches half the rooms, and counting them exactly cost more
 * than the page itself, for a figure nobody reads beyond "1,000+". Each way of matching stops
 * after `cap` + 1 rooms: if one finds that many, its list alone says "more"; otherwise every list
 * is complete and their union is the exact count.
 *
 * Each branch is a MATERIALIZED CTE, read lazily, so the LIMIT still stops it early, but planned
 * for reading every match. Planned under the LIMIT, PostgreSQL picks a sequential scan for a
 * word in 2% of rooms (it prices ILIKE at a fraction of its real cost) and rechecks 50,000
 * descriptions; planned for every match it takes the trigram indexes, and stops after cap + 1.
 */
export function feedCountQuery(filter: RoomFeedFilter & { q: string }, cap: number): Prisma.Sql {
  const term = searchTerm(filter.q) ?? "";
  const conditions = filterConditions(filter);
  const [byText, byTopic, byHost] = matchBranches(term).map((match) => Prisma.join([match, ...conditions], " AND "));
  const limit = Prisma.sql`LIMIT ${cap + 1}`;
  return Prisma.sql`
    WITH t AS MATERIALIZED (SELECT r.id FROM "Room" r WHERE ${byText}),
         tp AS MATERIALIZED (SELECT r.id FROM "Room" r WHERE ${byTopic}),
         h AS MATERIALIZED (SELECT r.id FROM "Room" r WHERE ${byHost})
    SELECT least(count(*), ${cap + 1})::int AS n
    FROM ((SELECT id FROM t ${limit}) UNION (SELECT id FROM tp ${limit}) UNION (SELECT id FROM h ${limit})) m`;
}

/** Whether this filter searches (and so gets a capped count) or only filters by topic. */
export function isSearch(filter: RoomFeedFilter): filter is RoomFeedFilter & { q: string } {
  return searchTerm(filter.q) !== undefined;
}
