// Messages as raw rows on the pool (./statements.ts): each with its author and the message it replies to, joined in
// the same statement, so a page of 50 replies is still one query. Used by the history reads (./messages.ts) and the
// send statement (./message-send.ts).
import "server-only";
import type { RawAuthorColumns } from "./message-author";

/** The quoted message's body is cut in SQL: a reply shows one line of it, and a page must not carry 50 whole bodies. */
export const QUOTED_BODY_CHARS = 400;

/** The message a reply quotes, as read with the reply. */
export interface QuotedMessage {
  id: number;
  /** The start of its body (QUOTED_BODY_CHARS); empty once deleted. */
  body: string;
  deleted: boolean;
  /** Null once its author deleted their account. */
  author: { name: string; username: string } | null;
}

export interface RawQuoteColumns {
  quoteId: number | null;
  quoteBody: string | null;
  quoteDeleted: boolean | null;
  quoteAuthorName: string | null;
  quoteAuthorUsername: string | null;
}

/** The quote of a reply `m` (joined as q, its author as qu). */
export const QUOTE_COLUMNS = `q.id AS "quoteId", left(q.body, ${QUOTED_BODY_CHARS}) AS "quoteBody",
  q."deletedAt" IS NOT NULL AS "quoteDeleted", qu.name AS "quoteAuthorName", qu.username AS "quoteAuthorUsername"`;

export const QUOTE_JOINS = `LEFT JOIN "Message" q ON q.id = m."replyToId" LEFT JOIN "User" qu ON qu.id = q."authorId"`;

export function quoteFrom(row: RawQuoteColumns): QuotedMessage | null {
  if (row.quoteId === null) return null;
  const deleted = row.quoteDeleted === true;
  const author =
    row.quoteAuthorUsername === null ? null : { name: row.quoteAuthorName ?? "", username: row.quoteAuthorUsername };
  return { id: row.quoteId, body: deleted ? "" : (row.quoteBody ?? ""), deleted, author };
}

/** A message's reactions as a history page carries them: no names (./reactions.ts reads those on demand). */
export interface RawReactionGroup {
  emoji: string;
  count: number;
  mine: boolean;
}

/**
 * The reactions of a message `m` as one JSON column, in the order their kinds were first used, each with its count
 * and whether `viewerParam` (a user id, or null) is among them. Who reacted is read when someone asks (a tooltip):
 * names for every reaction of a page would cost each read a join and the reply tens of kilobytes. A deleted message
 * holds none (deleting removes them).
 */
export const reactionsColumn = (viewerParam: string) => `(
    SELECT json_agg(json_build_object('emoji', g.emoji, 'count', g.n, 'mine', g.mine) ORDER BY g.first, g.emoji)
    FROM (SELECT r.emoji, count(*)::int AS n, min(r."createdAt") AS first,
                 COALESCE(bool_or(r."userId" = ${viewerParam}::text), false) AS mine
          FROM "Reaction" r WHERE r."messageId" = m.id GROUP BY r.emoji) g
  ) AS reactions`;

/** What a page reads of each message row before the joins. */
export const MESSAGE_TABLE_COLUMNS = `id, "roomId", "authorId", body, "createdAt", "editedAt", "deletedAt", "replyToId",
  mentions`;

// Timestamps leave as timestamptz (AT TIME ZONE 'UTC'): pg, unlike Prisma, would read a bare timestamp as local time.
/** A message `m` with its author (u, a) and quote (q, qu): ./messages.ts's fromRawRow reads a row of these. */
export const MESSAGE_ROW_COLUMNS = `m.id, m."roomId", m.body, m.mentions, m."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  m."editedAt" AT TIME ZONE 'UTC' AS "editedAt", m."deletedAt" AT TIME ZONE 'UTC' AS "deletedAt",
  u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName", u.image AS "authorImage",
  a."updatedAt" AT TIME ZONE 'UTC' AS "authorAvatarAt", ${QUOTE_COLUMNS}`;

export const MESSAGE_ROW_JOINS = `LEFT JOIN "User" u ON u.id = m."authorId" LEFT JOIN "Avatar" a ON a."userId" = m."authorId"
  ${QUOTE_JOINS}`;

/** A row of MESSAGE_ROW_COLUMNS. */
export interface RawMessageRow extends RawAuthorColumns, RawQuoteColumns {
  id: number;
  roomId: string;
  body: string;
  /** Message.mentions (null only in rows from before the column had its default). */
  mentions: string[] | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}
