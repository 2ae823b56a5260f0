// What a message list shows about a person (its author, a room's host, a participant): the user
// summary of ./users.ts for Prisma queries, and here the column list and mapper for raw ones.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import { avatarUrlOf, type UserSummary } from "./users";

/** A message's author, a room's host, a participant: the people summary of ./users.ts. */
export type MessageAuthor = UserSummary;

/** The author's columns of a raw query over messages `m` joined with RAW_AUTHOR_JOINS. */
export const RAW_AUTHOR_COLUMNS = Prisma.sql`u.id AS "authorId", u.username AS "authorUsername", u.name AS "authorName",
  u.image AS "authorImage", a."updatedAt" AS "authorAvatarAt"`;

/** Left joins: a deleted account leaves its messages without an author ("Anonymous User"). */
export const RAW_AUTHOR_JOINS = Prisma.sql`LEFT JOIN "User" u ON u.id = m."authorId"
  LEFT JOIN "Avatar" a ON a."userId" = m."authorId"`;

/** A raw row's RAW_AUTHOR_COLUMNS. */
export interface RawAuthorColumns {
  authorId: string | null;
  authorUsername: string | null;
  authorName: string | null;
  authorImage: string | null;
  authorAvatarAt: Date | null;
}

export function authorFromRaw(row: RawAuthorColumns): MessageAuthor | null {
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
}
