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

/** `q` as a LIKE prefix: its `_` (a username character) must match itself, not any character. */
const likePrefix = (q: string) => `${q.replace(/[\\%_]/g, "\\$&")}%`;

/**
 * Up to `limit` active members other than `callerId` whose username or name starts with `prefix` (lower-case, already
 * validated): the room's participants first (the latest to post first, then the latest to join), then the rest.
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
      SELECT u.id, u.username, u.name, u.image, a."updatedAt" AS "avatarUpdatedAt"
      FROM "Participant" p
      JOIN "User" u ON u.id = p."userId"
      LEFT JOIN "Avatar" a ON a."userId" = u.id
      LEFT JOIN LATERAL (
        SELECT m.id FROM "Message" m
        WHERE m."authorId" = u.id AND m."roomId" = p."roomId" AND m."deletedAt" IS NULL
        ORDER BY m.id DESC LIMIT 1
      ) last ON true
      WHERE p."roomId" = ${roomId} AND u."deactivatedAt" IS NULL AND u.id <> ${callerId}
        AND (u.username LIKE ${like} OR u.name ILIKE ${like})
      ORDER BY last.id DESC NULLS LAST, p."joinedAt" DESC, u.username
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
