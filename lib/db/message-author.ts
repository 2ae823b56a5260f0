// What a message list shows about a person (its author, a room's host, a participant): the user
// summary of ./users.ts for Prisma queries, and here the columns, joins and mapper for raw ones.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import { avatarUrlOf, type UserSummary } from "./users";

/** A message's author, a room's host, a participant: the people summary of ./users.ts. */
export type MessageAuthor = UserSummary;

/** A raw row's rawAuthor.columns. */
export interface RawAuthorColumns {
  authorId: string | null;
  authorUsername: string | null;
  authorName: string | null;
  authorImage: string | null;
  authorAvatarAt: Date | null;
}

/** The author of each row of a raw query over messages `m`: what to select, what to join, how to map it. */
export const rawAuthor = {
  columns: Prisma.sql`u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName",
  u.image AS "authorImage", a."updatedAt" AS "authorAvatarAt"`,
  /** Left joins: a deleted account leaves its messages without an author ("Anonymous User"). */
  joins: Prisma.sql`LEFT JOIN "User" u ON u.id = m."authorId"
  LEFT JOIN "Avatar" a ON a."userId" = m."authorId"`,
  from(row: RawAuthorColumns): MessageAuthor | null {
    if (row.authorId === null) return null;
    return {
      id: row.authorId,
      username: row.authorUsername ?? "",
      name: row.authorName ?? "",
      avatarUrl: avatarUrlOf({
        id: row.authorId,
        image: row.authorImage,
        avatar: row.authorAvatarAt ? { updatedAt: row.authorAvatarAt } : null,
      }),
    };
  },
};
