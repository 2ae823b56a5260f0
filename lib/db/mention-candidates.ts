// Whom the composer suggests after an `@` (lib/chat/mention-candidates.ts): the room's participants whose username or
// name starts with the prefix, the latest posters first, then other active members. Raw SQL: the prefix tests are
// LIKE 'q%' on the username and ILIKE on the name, which the trigram indexes User_username_trgm_idx and
// User_name_trgm_idx serve; with no prefix the others come in username order off the username's unique index.
import "server-only";
import { db } from "./client";
import { avatarUrlOf, type UserSummary } from "./users";

interface CandidateRow {
  id: string;
  username: string;
  name: string;
  image: string | null;
  avatarUpdatedAt: Date | null;
}

const toSummary = ({ id, username, name, image, avatarUpdatedAt }: CandidateRow): UserSummary => ({
  id,
  username,
  name,
  avatarUrl: avatarUrlOf({ id, image, avatar: avatarUpdatedAt ? { updatedAt: avatarUpdatedAt } : null }),
});

// "Latest posters" are the authors of the room's latest messages (its (roomId, id) index reads them): a bounded read,
// where a last post per participant would cost one lookup per matching participant.
const RECENT_MESSAGES = 500;

/** `q` as a LIKE prefix: its `_` (a username character) must match itself, not any character. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * Up to `limit` active members other than `callerId` whose username or name starts with `prefix` (lower-case, already
 * validated): the room's participants first (those among the latest messages' authors by their latest post, then the
 * latest to join), then the rest.
 */
export async function findMentionCandidates({
  roomId,
  callerId,
  prefix,
  limit,
}: {
  roomId: string;
  callerId: string;
  prefix: string;
  limit: number;
}): Promise<UserSummary[]> {
  const like = likePrefix(prefix);
  const [participants, others] = await Promise.all([
    db.$queryRaw<CandidateRow[]>`
      WITH recent AS (
        SELECT m."authorId", max(m.id) AS last
        FROM (SELECT "authorId", id FROM "Message" WHERE "roomId" = ${roomId} AND "deletedAt" IS NULL
              ORDER BY id DESC LIMIT ${RECENT_MESSAGES}) m
        GROUP BY m."authorId"
      )
      SELECT u.id, u.username, u.name, u.image, a."updatedAt" AS "avatarUpdatedAt"
      FROM "Participant" p
      JOIN "User" u ON u.id = p."userId"
      LEFT JOIN "Avatar" a ON a."userId" = u.id
      LEFT JOIN recent r ON r."authorId" = u.id
      WHERE p."roomId" = ${roomId} AND u."deactivatedAt" IS NULL AND u.id <> ${callerId}
        AND (u.username LIKE ${like} OR u.name ILIKE ${like})
      ORDER BY r.last DESC NULLS LAST, p."joinedAt" DESC, u.username
      LIMIT ${limit}`,
    db.$queryRaw<CandidateRow[]>`
      SELECT u.id, u.username, u.name, u.image, a."updatedAt" AS "avatarUpdatedAt"
      FROM "User" u
      LEFT JOIN "Avatar" a ON a."userId" = u.id
      WHERE u."deactivatedAt" IS NULL AND u.id <> ${callerId}
        AND (u.username LIKE ${like} OR u.name ILIKE ${like})
        AND NOT EXISTS (SELECT 1 FROM "Participant" p WHERE p."roomId" = ${roomId} AND p."userId" = u.id)
      ORDER BY u.username
      LIMIT ${limit}`,
  ]);
  return [...participants, ...others].slice(0, limit).map(toSummary);
}
