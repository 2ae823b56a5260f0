// The room feed's query: case-insensitive substring search over the room name, description,
// topic name and host (username and display name), a topic filter, three sorts and keyset
// paging. Each searched column has a pg_trgm GIN index; a search is one branch per way of
// matching (text, topic, host), so PostgreSQL uses each index and never reads every room.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import { likeLiteral } from "./paging";
import type { RoomSort } from "../validation/rooms";

export interface RoomFeedFilter {
  q?: string;
  topicSlug?: string;
}

/** A substring search for `q`, its LIKE wildcards escaped. */
export function likePattern(q: string): string {
  return `%${likeLiteral(q)}%`;
}

/** "@dana" is how people write a handle; usernames are stored without the "@". */
function searchTerm(q: string | undefined): string | undefined {
  return q?.replace(/^@(?=\S)/, "") || undefined;
}

const topicCondition = (topicSlug: string) =>
  Prisma.sql`r."topicId" = (SELECT id FROM "Topic" WHERE slug = ${topicSlug})`;

const matchingTopicIds = (q: string) => Prisma.sql`SELECT id FROM "Topic" WHERE name ILIKE ${likePattern(q)}`;

/**
 * The three ways a room matches `q`, each a condition on "Room" r alone: topics and hosts are looked
 * up first and passed as an array, so the rooms are read through the topicId and hostId indexes.
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
  openQuestions: number;
}

/**
 * A feed page with its cards in one round trip: the ordered, paged ids (feedPageQuery) joined to
 * the room, its topic and its host, rather than one more query per relation.
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
           u.id AS "hostId", u.username AS "hostUsername", u.name AS "hostName", u.image AS "hostImage", a."updatedAt" AS "hostAvatarAt",
           -- An index range of the room's open questions (lib/db/questions.ts): a page's cards cost a few index reads.
           (SELECT count(*)::int FROM "Question" q WHERE q."roomId" = r.id AND q."acceptedAt" IS NULL) AS "openQuestions"
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
  // One page per way of matching, then the best of the three. The topic and host branches are
  // fenced (OFFSET 0, or a LATERAL page per topic) so a LIMIT never tempts the planner into a walk of every room.
  const [byText, byTopic, byHost] = matchBranches(term).map((match) => Prisma.join([match, ...conditions], " AND "));
  // Most active first, each topic's rooms are already in order in the (topicId, lastActivityAt)
  // index: read the top page of each matching topic instead of sorting all their rooms.
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
 * Counts matches only up to `cap` + 1 ("more than `cap`"): an exact count of a common word costs more than the page.
 * Branches are MATERIALIZED CTEs to get the trigram indexes (a LIMIT misprices ILIKE), yet still stop at the LIMIT.
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
