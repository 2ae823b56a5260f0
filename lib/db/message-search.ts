// Message search's SQL: PostgreSQL full-text search over Message."searchVector" (a generated English tsvector with a
// GIN index), newest first by id with keyset paging, or ranked. Ranking sorts only a bounded candidate set (the
// newest RANK_CANDIDATES matches), so a common word costs a short walk down an id index, never a sort of every hit.
// Callers: lib/chat/message-search.ts (which validates, checks who may search, and shapes the answer).
import "server-only";
import { db } from "./client";
import { Prisma } from "./generated/prisma/client";

/** The text search configuration of the generated column: a query must be parsed with the same one. */
const CONFIG = Prisma.sql`'english'::regconfig`;

/** Matches ranked per search: the newest ones. Bounded so a word in every tenth message stays as fast as a rare one. */
export const RANK_CANDIDATES = 300;

export type MessageSearchSort = "relevance" | "newest";

export interface MessageSearchFilter {
  /** The words, as typed: plainto_tsquery ANDs their stems and drops stop words and punctuation. */
  q: string;
  roomId?: string;
  authorId?: string;
  /** createdAt ≥ from. */
  from?: Date;
  /** createdAt < to. */
  to?: Date;
  /** Only messages older than this id (the keyset of "newest" pages). */
  before?: number;
}

export interface MessageSearchRow {
  id: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  roomSlug: string;
  roomName: string;
  authorId: string | null;
  authorUsername: string | null;
  authorName: string | null;
  authorImage: string | null;
  authorAvatarAt: Date | null;
}

/**
 * The lexemes PostgreSQL makes of `q` (stemmed, stop words and punctuation dropped): none means there is nothing to
 * search for ("the", "!!!"), and the caller says so instead of running a query that matches nothing. And which of
 * `words` (the words as typed) are searched, not stop words: a stem need not begin the word ("studi" for "study").
 */
export async function findSearchLexemes({
  q,
  words,
}: {
  q: string;
  words: string[];
}): Promise<{ lexemes: string[]; searchedWords: string[] }> {
  const rows = await db.$queryRaw<{ lexemes: string[]; searchedWords: string[] }[]>`
    SELECT tsvector_to_array(to_tsvector(${CONFIG}, ${q})) AS lexemes,
      ARRAY(SELECT w FROM unnest(${words}::text[]) AS w WHERE to_tsvector(${CONFIG}, w) <> ''::tsvector)
        AS "searchedWords"`;
  return { lexemes: rows[0]?.lexemes ?? [], searchedWords: rows[0]?.searchedWords ?? [] };
}

function conditions(filter: MessageSearchFilter): Prisma.Sql {
  const where = [
    Prisma.sql`m."searchVector" @@ plainto_tsquery(${CONFIG}, ${filter.q})`,
    Prisma.sql`m."deletedAt" IS NULL`,
  ];
  if (filter.roomId) where.push(Prisma.sql`m."roomId" = ${filter.roomId}`);
  if (filter.authorId) where.push(Prisma.sql`m."authorId" = ${filter.authorId}`);
  if (filter.from) where.push(Prisma.sql`m."createdAt" >= ${filter.from}`);
  if (filter.to) where.push(Prisma.sql`m."createdAt" < ${filter.to}`);
  if (filter.before) where.push(Prisma.sql`m.id < ${filter.before}`);
  return Prisma.join(where, " AND ");
}

/**
 * The ids of one page, newest first. With `sort: "relevance"` the newest RANK_CANDIDATES matches are ranked by
 * ts_rank_cd (how close and how often the words occur) and the best `limit` come back; "newest" returns `limit` + 1
 * so the caller knows whether an older page exists.
 */
export function messageSearchPageQuery(filter: MessageSearchFilter, sort: MessageSearchSort, limit: number) {
  if (sort === "newest") {
    return Prisma.sql`SELECT m.id, 0::real AS rank FROM "Message" m WHERE ${conditions(filter)}
      ORDER BY m.id DESC LIMIT ${limit + 1}`;
  }
  return Prisma.sql`SELECT c.id, ts_rank_cd(c."searchVector", plainto_tsquery(${CONFIG}, ${filter.q})) AS rank
    FROM (SELECT m.id, m."searchVector" FROM "Message" m WHERE ${conditions(filter)}
          ORDER BY m.id DESC LIMIT ${RANK_CANDIDATES}) c
    ORDER BY rank DESC, c.id DESC LIMIT ${limit}`;
}

/** One page with what a result shows (room, author and avatar joined in), in the page's order. */
export function messageSearchQuery(filter: MessageSearchFilter, sort: MessageSearchSort, limit: number) {
  return Prisma.sql`
    SELECT m.id, m.body, m."createdAt", m."editedAt", r.slug AS "roomSlug", r.name AS "roomName",
           u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName", u.image AS "authorImage",
           a."updatedAt" AS "authorAvatarAt"
    FROM (${messageSearchPageQuery(filter, sort, limit)}) p
    JOIN "Message" m ON m.id = p.id
    JOIN "Room" r ON r.id = m."roomId"
    LEFT JOIN "User" u ON u.id = m."authorId"
    LEFT JOIN "Avatar" a ON a."userId" = u.id
    ORDER BY p.rank DESC, p.id DESC`;
}

export async function searchMessageRows({
  sort,
  limit,
  ...filter
}: MessageSearchFilter & { sort: MessageSearchSort; limit: number }): Promise<MessageSearchRow[]> {
  return db.$queryRaw<MessageSearchRow[]>(messageSearchQuery(filter, sort, limit));
}
