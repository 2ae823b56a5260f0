// The room feed's query: case-insensitive substring search over the room name, description,
// topic name and host (username and display name), a topic filter, three sorts and keyset
// paging. Each searched column has a pg_trgm GIN index; the union below lets PostgreSQL use
// each of them instead of scanning joined rows.
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

/** The ids of rooms whose name, description, topic or host matches `q`. */
export function matchingRoomIds(q: string): Prisma.Sql {
  const pattern = likePattern(q);
  return Prisma.sql`
    SELECT r.id FROM "Room" r WHERE r.name ILIKE ${pattern} OR r.description ILIKE ${pattern}
    UNION
    SELECT r.id FROM "Room" r JOIN "Topic" t ON t.id = r."topicId" WHERE t.name ILIKE ${pattern}
    UNION
    SELECT r.id FROM "Room" r JOIN "User" u ON u.id = r."hostId" WHERE u.username ILIKE ${pattern} OR u.name ILIKE ${pattern}`;
}

/** The WHERE conditions of a feed (without paging). */
export function feedConditions({ q, topicSlug }: RoomFeedFilter): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  // "@dana" is how people write a handle; usernames are stored without the "@".
  const term = q?.replace(/^@(?=\S)/, "");
  if (term) conditions.push(Prisma.sql`r.id IN (${matchingRoomIds(term)})`);
  if (topicSlug) conditions.push(Prisma.sql`r."topicId" = (SELECT id FROM "Topic" WHERE slug = ${topicSlug})`);
  return conditions;
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
  const conditions = feedConditions(filter);
  if (cursor) {
    const key = sort === "participants" ? Prisma.sql`${cursor.key}::int` : Prisma.sql`${cursor.key}::timestamp`;
    conditions.push(Prisma.sql`(${column}, r.id) < (${key}, ${cursor.id})`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`SELECT r.id, ${column} AS key FROM "Room" r ${where} ORDER BY ${column} DESC, r.id DESC LIMIT ${limit + 1}`;
}

export function feedCountQuery(filter: RoomFeedFilter): Prisma.Sql {
  const conditions = feedConditions(filter);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`SELECT count(*)::int AS n FROM "Room" r ${where}`;
}
