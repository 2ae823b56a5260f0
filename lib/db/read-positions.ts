// Read positions: each participant's Participant.lastReadMessageId, which only moves forward (by
// message id), and the unread counts derived from it for home cards and the header.
import "server-only";
import { db } from "./client";
import { MAX_MESSAGE_ID } from "../validation/messages";

/** Unread counts stop at this many per room: badges show "99+", and counting stays cheap. */
export const UNREAD_COUNT_CAP = 100;

/**
 * Moves the read position up to `messageId` (default: the latest), never backwards nor past the latest message. Null
 * when not a participant (reading a room does not join it) or nothing was read yet.
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
 * Others' live messages after the member's read position (all, if never read), per room, capped at UNREAD_COUNT_CAP.
 * Rooms they do not participate in are 0.
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
