// The rooms table moderators search and sort, and one room with what its edit page shows. The
// writes live in lib/db/rooms.ts (create, edit, delete) and lib/db/room-moderation.ts.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";
import { inForce, listedRestrictionSelect, type ListedRestriction } from "./restrictions";
import { loadPage, TABLE_PAGE_SIZE, type Paged } from "./paging";
import type { AdminRoomSort } from "../validation/admin";

export interface AdminRoomRow {
  id: string;
  slug: string;
  name: string;
  topic: { id: string; name: string; slug: string };
  host: { id: string; username: string; name: string } | null;
  participantCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  lockedAt: Date | null;
}

const rowSelect = {
  id: true,
  slug: true,
  name: true,
  participantCount: true,
  lastActivityAt: true,
  createdAt: true,
  lockedAt: true,
  topic: { select: { id: true, name: true, slug: true } },
  host: { select: { id: true, username: true, name: true } },
} satisfies Prisma.RoomSelect;

export interface AdminRoomListInput {
  q?: string;
  sort?: AdminRoomSort;
  dir?: "asc" | "desc";
  status?: "all" | "locked";
  page?: number;
  pageSize?: number;
}

const SORT_FIELD: Record<AdminRoomSort, keyof Prisma.RoomOrderByWithRelationInput> = {
  name: "name",
  created: "createdAt",
  active: "lastActivityAt",
  participants: "participantCount",
};

function roomWhere({ q, status }: Pick<AdminRoomListInput, "q" | "status">): Prisma.RoomWhereInput {
  const text = q?.trim();
  return {
    ...(status === "locked" ? { lockedAt: { not: null } } : {}),
    ...(text
      ? {
          OR: [
            { name: { contains: text, mode: "insensitive" } },
            { slug: { contains: text.toLowerCase() } },
            { topic: { name: { contains: text, mode: "insensitive" } } },
            { host: { username: { contains: text.replace(/^@/, "").toLowerCase() } } },
          ],
        }
      : {}),
  };
}

/** One page of the rooms table; `page` past the end is clamped to the last page. */
export async function listAdminRooms({
  q,
  sort = "created",
  dir = "desc",
  status = "all",
  page = 1,
  pageSize = TABLE_PAGE_SIZE,
}: AdminRoomListInput = {}): Promise<Paged<AdminRoomRow>> {
  const where = roomWhere({ q, status });
  return loadPage({
    page,
    pageSize,
    count: () => db.room.count({ where }),
    // The id breaks ties, so rows never swap between pages.
    read: (window) =>
      db.room.findMany({ where, select: rowSelect, orderBy: [{ [SORT_FIELD[sort]]: dir }, { id: dir }], ...window }),
  });
}

export async function countLockedRooms(): Promise<number> {
  return db.room.count({ where: { lockedAt: { not: null } } });
}

export interface AdminRoomDetail extends AdminRoomRow {
  description: string;
  lockedBy: { username: string } | null;
  messageCount: number;
  restrictions: Array<ListedRestriction & { user: { id: string; username: string; name: string } }>;
}

export async function findAdminRoom(id: string, now = new Date()): Promise<AdminRoomDetail | null> {
  const row = await db.room.findUnique({
    where: { id },
    select: {
      ...rowSelect,
      description: true,
      lockedBy: { select: { username: true } },
      _count: { select: { messages: { where: { deletedAt: null } } } },
      restrictions: {
        where: inForce(now),
        orderBy: { createdAt: "desc" },
        select: { ...listedRestrictionSelect, user: { select: { id: true, username: true, name: true } } },
      },
    },
  });
  if (!row) return null;
  const { _count, ...rest } = row;
  return { ...rest, messageCount: _count.messages };
}
