// Message queries: a room's latest messages (for the room page), oldest first, with what the
// page shows about each author, and an author's soft delete. Ordered by id, which increases with
// every insert, never by time.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { avatarUrlOf } from "./users";
import { forbidden, notFound } from "../errors";

export const ROOM_PAGE_MESSAGES = 50;

export interface MessageAuthor {
  id: string;
  username: string;
  name: string;
  avatarUrl: string | null;
}

export interface RoomMessage {
  id: number;
  /** Empty for a deleted message: its text never leaves the database. */
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  /** Null once the author deleted their account ("Anonymous User"). */
  author: MessageAuthor | null;
}

export interface RoomWithMessages {
  id: string;
  slug: string;
  name: string;
  description: string;
  createdAt: Date;
  topic: { name: string; slug: string };
  host: MessageAuthor | null;
  participantCount: number;
  messages: RoomMessage[];
  /** True when older messages exist beyond `messages`. */
  hasOlder: boolean;
}

const authorSelect = {
  id: true,
  username: true,
  name: true,
  image: true,
  avatar: { select: { updatedAt: true } },
} satisfies Prisma.UserSelect;

type AuthorRow = Prisma.UserGetPayload<{ select: typeof authorSelect }>;

function toAuthor(row: AuthorRow | null): MessageAuthor | null {
  return row ? { id: row.id, username: row.username, name: row.name, avatarUrl: avatarUrlOf(row) } : null;
}

const messageSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: authorSelect },
} satisfies Prisma.MessageSelect;

type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

function toRoomMessage(row: MessageRow): RoomMessage {
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    body: deleted ? "" : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted,
    author: toAuthor(row.author),
  };
}

/** The room by slug with its latest `take` messages, oldest first; null for an unknown slug. */
export async function findRoomWithLatestMessages({
  slug,
  take = ROOM_PAGE_MESSAGES,
}: {
  slug: string;
  take?: number;
}): Promise<RoomWithMessages | null> {
  const room = await db.room.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      createdAt: true,
      topic: { select: { name: true, slug: true } },
      host: { select: authorSelect },
      _count: { select: { participants: true } },
      // One extra row tells whether older messages exist.
      messages: { orderBy: { id: "desc" }, take: take + 1, select: messageSelect },
    },
  });
  if (!room) return null;
  const latest = room.messages.slice(0, take);
  return {
    id: room.id,
    slug: room.slug,
    name: room.name,
    description: room.description,
    createdAt: room.createdAt,
    topic: room.topic,
    host: toAuthor(room.host),
    participantCount: room._count.participants,
    messages: latest.reverse().map(toRoomMessage),
    hasOlder: room.messages.length > take,
  };
}

export interface DeletedMessage {
  id: number;
  roomId: string;
  /** False when it was already deleted (a second click, another tab): nothing changed. */
  changed: boolean;
}

/**
 * Soft-deletes a message for its author: sets deletedAt and blanks the body, so the text is gone
 * while the id keeps its place in the room's history. Anyone else gets `forbidden:message` (403),
 * an unknown id `not_found:message` (404).
 */
export async function deleteMessageAsAuthor({
  messageId,
  authorId,
}: {
  messageId: number;
  authorId: string;
}): Promise<DeletedMessage> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: { id: true, roomId: true, authorId: true, deletedAt: true },
  });
  if (!message) throw notFound("message", "This message no longer exists.");
  if (message.authorId === null || message.authorId !== authorId)
    throw forbidden("message", "You can only delete your own messages.");
  if (message.deletedAt) return { id: message.id, roomId: message.roomId, changed: false };
  // The condition repeats the checks, so two deletes at once change the row once.
  const { count } = await db.message.updateMany({
    where: { id: messageId, authorId, deletedAt: null },
    data: { deletedAt: new Date(), body: "" },
  });
  return { id: message.id, roomId: message.roomId, changed: count === 1 };
}
