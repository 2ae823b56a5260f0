// Members' inbox entries (Notification): the send statement (./message-send.ts) stores those of a new message; this
// module stores those of an edit and of a report's outcome, reads a member's inbox a page at a time, and marks read.
import "server-only";
import { db } from "./client";
import type { NotificationKind } from "./generated/prisma/enums";
import type { Prisma } from "./generated/prisma/client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

/** An inbox entry's message is shown by this much of its body. */
export const NOTIFICATION_EXCERPT_CHARS = 200;

export interface InboxEntry {
  id: number;
  kind: NotificationKind;
  outcome: string | null;
  createdAt: Date;
  readAt: Date | null;
  actor: UserSummary | null;
  message: { id: number; excerpt: string; deleted: boolean; room: { slug: string; name: string } };
  /** A reply to a question (lib/questions): the inbox says "answered your question". */
  answersQuestion: boolean;
}

const entrySelect = {
  id: true,
  kind: true,
  outcome: true,
  createdAt: true,
  readAt: true,
  actor: { select: userSummarySelect },
  message: {
    select: {
      id: true,
      body: true,
      deletedAt: true,
      room: { select: { slug: true, name: true } },
      replyTo: { select: { question: { select: { messageId: true } } } },
    },
  },
} satisfies Prisma.NotificationSelect;

type EntryRow = Prisma.NotificationGetPayload<{ select: typeof entrySelect }>;

function toInboxEntry({ actor, message, ...row }: EntryRow): InboxEntry {
  const deleted = message.deletedAt !== null;
  return {
    ...row,
    actor: actor ? toUserSummary(actor) : null,
    message: {
      id: message.id,
      // A deleted message's words never leave the database.
      excerpt: deleted ? "" : message.body.slice(0, NOTIFICATION_EXCERPT_CHARS),
      deleted,
      room: message.room,
    },
    answersQuestion: row.kind === "REPLY" && (message.replyTo?.question ?? null) !== null,
  };
}

/** A member's entries, newest first, `limit` of them older than `before` (an entry id), and whether more are older. */
export async function listNotifications({
  userId,
  before,
  limit,
}: {
  userId: string;
  before: number | null;
  limit: number;
}): Promise<{ entries: InboxEntry[]; hasOlder: boolean }> {
  const rows = await db.notification.findMany({
    where: { userId, ...(before === null ? {} : { id: { lt: before } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: entrySelect,
  });
  return { entries: rows.slice(0, limit).map(toInboxEntry), hasOlder: rows.length > limit };
}

export async function countUnreadNotifications({ userId }: { userId: string }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/**
 * Marks the member's own entries read: those of `ids`, or every one up to `upTo` (the newest the member has seen, so
 * one arriving meanwhile stays unread). Returns how many changed.
 */
export async function markNotificationsRead({
  userId,
  ids,
  upTo,
  now,
}: {
  userId: string;
  ids?: number[];
  upTo?: number;
  now: Date;
}): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: {
      userId,
      readAt: null,
      AND: [ids ? { id: { in: ids } } : {}, upTo === undefined ? {} : { id: { lte: upTo } }],
    },
    data: { readAt: now },
  });
  return count;
}

/**
 * An edited message's mentions, inside the edit's transaction: stores which of `usernames` name active members and
 * gives the newly mentioned ones an entry (never the author, nor the author of the message it replies to, who has
 * one as a reply).
 */
export async function storeEditedMentions(
  tx: Prisma.TransactionClient,
  { messageId, authorId, usernames }: { messageId: number; authorId: string; usernames: string[] },
): Promise<Array<{ userId: string; kind: NotificationKind }>> {
  const people = usernames.length
    ? await tx.user.findMany({
        where: { username: { in: usernames }, deactivatedAt: null },
        select: { id: true, username: true },
        orderBy: { username: "asc" },
      })
    : [];
  const message = await tx.message.update({
    where: { id: messageId },
    data: { mentions: people.map((p) => p.username) },
    select: { replyTo: { select: { authorId: true } } },
  });
  const skip = new Set([authorId, message.replyTo?.authorId ?? authorId]);
  return tx.notification.createManyAndReturn({
    data: people
      .filter((p) => !skip.has(p.id))
      .map((p) => ({ userId: p.id, kind: "MENTION" as const, messageId, actorId: authorId })),
    skipDuplicates: true,
    select: { userId: true, kind: true },
  });
}

/** The outcome of reports on a message, in each reporter's inbox (one entry per reporter and message). */
export async function storeReportOutcome({
  messageId,
  reporterIds,
  outcome,
}: {
  messageId: number;
  reporterIds: string[];
  outcome: string;
}): Promise<Array<{ userId: string; kind: NotificationKind }>> {
  return db.notification.createManyAndReturn({
    data: reporterIds.map((userId) => ({ userId, kind: "REPORT" as const, messageId, outcome })),
    skipDuplicates: true,
    select: { userId: true, kind: true },
  });
}
