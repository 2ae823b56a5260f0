// Message queries for the admin area: the latest messages across rooms with filters (room,
// member, text), paged by id, and moderators' soft deletes (one, or all of a member's) with their
// audit entries in the same transaction. The caller tells the rooms (publishMessageDeleted).
import "server-only";
import { db } from "./client";
import { writeAuditEntry, type AuditEntryInput } from "./audit-log";
import { Prisma } from "./generated/prisma/client";
import { notFound } from "../errors";

export interface AdminMessageRow {
  id: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  room: { id: string; slug: string; name: string };
  author: { id: string; username: string; name: string } | null;
}

export interface AdminMessageListInput {
  roomSlug?: string;
  username?: string;
  q?: string;
  before?: number;
  after?: number;
  take?: number;
}

export interface AdminMessagePage {
  messages: AdminMessageRow[];
  hasOlder: boolean;
  hasNewer: boolean;
}

const literal = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

const rowSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  room: { select: { id: true, slug: true, name: true } },
  author: { select: { id: true, username: true, name: true } },
} satisfies Prisma.MessageSelect;

/** The latest messages (not deleted), newest first, filtered; paged by id either way. */
export async function listAdminMessages({
  roomSlug,
  username,
  q,
  before,
  after,
  take = 50,
}: AdminMessageListInput = {}): Promise<AdminMessagePage> {
  const where: Prisma.MessageWhereInput = {
    deletedAt: null,
    ...(roomSlug ? { room: { slug: roomSlug } } : {}),
    ...(username ? { author: { username } } : {}),
    ...(q ? { body: { contains: literal(q), mode: "insensitive" } } : {}),
  };
  if (after !== undefined) {
    const rows = await db.message.findMany({
      where: { ...where, id: { gt: after } },
      orderBy: { id: "asc" },
      take: take + 1,
      select: rowSelect,
    });
    return { messages: rows.slice(0, take).reverse(), hasNewer: rows.length > take, hasOlder: true };
  }
  const rows = await db.message.findMany({
    where: { ...where, ...(before !== undefined ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: rowSelect,
  });
  return { messages: rows.slice(0, take), hasOlder: rows.length > take, hasNewer: before !== undefined };
}

/** Messages written since `since` (the dashboard's "today"), deleted ones excluded. */
export async function countMessagesSince({ since }: { since: Date }): Promise<number> {
  return db.message.count({ where: { createdAt: { gte: since }, deletedAt: null } });
}

export interface DeletedByModerator {
  id: number;
  roomId: string;
}

/** Soft-deletes one message; `changed` is false when it already was deleted. */
export async function moderatorDeleteMessage({
  id,
  audit,
}: {
  id: number;
  audit: (message: {
    id: number;
    body: string;
    room: { name: string };
    author: { username: string } | null;
  }) => AuditEntryInput;
}): Promise<{ message: DeletedByModerator; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { id },
      select: {
        id: true,
        roomId: true,
        body: true,
        deletedAt: true,
        room: { select: { name: true } },
        author: { select: { username: true } },
      },
    });
    if (!message) throw notFound("message", "This message no longer exists.");
    const ref = { id: message.id, roomId: message.roomId };
    if (message.deletedAt) return { message: ref, changed: false };
    const { count } = await tx.message.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date(), body: "" },
    });
    if (count === 1) await writeAuditEntry(audit(message), tx);
    return { message: ref, changed: count === 1 };
  });
}

/** Soft-deletes every message of the member (optionally in one room); returns those changed. */
export async function moderatorDeleteAllMessages({
  userId,
  roomId,
  audit,
}: {
  userId: string;
  roomId?: string;
  audit: (info: { username: string; count: number; roomName: string | null }) => AuditEntryInput;
}): Promise<DeletedByModerator[]> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true } });
    if (!user) throw notFound("user", "This member no longer exists.");
    const room = roomId ? await tx.room.findUnique({ where: { id: roomId }, select: { name: true } }) : null;
    if (roomId && !room) throw notFound("room", "This room no longer exists.");
    const deleted = await tx.$queryRaw<DeletedByModerator[]>`
      UPDATE "Message" SET "deletedAt" = now(), body = ''
      WHERE "authorId" = ${userId} AND "deletedAt" IS NULL ${roomId ? Prisma.sql`AND "roomId" = ${roomId}` : Prisma.empty}
      RETURNING id, "roomId"`;
    await writeAuditEntry(audit({ username: user.username, count: deleted.length, roomName: room?.name ?? null }), tx);
    return deleted;
  });
}
