// Room queries. Routes and pages call these; nothing outside lib/db touches Prisma.
import "server-only";
import { db } from "./client";
import type { Prisma } from "./generated/prisma/client";

export interface RoomCard {
  id: string;
  slug: string;
  name: string;
  description: string;
  topic: { name: string; slug: string };
  host: { username: string; name: string; image: string | null } | null;
  participantCount: number;
  /** The latest message, or the room's creation when nobody has written yet. */
  lastActivityAt: Date;
}

export interface ListRoomsInput {
  /** Case-insensitive substring of the name, topic, description or host. */
  q?: string;
  take?: number;
}

const roomCardSelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  lastActivityAt: true,
  topic: { select: { name: true, slug: true } },
  host: { select: { username: true, name: true, image: true } },
  _count: { select: { participants: true } },
} satisfies Prisma.RoomSelect;

type RoomCardRow = Prisma.RoomGetPayload<{ select: typeof roomCardSelect }>;

function toRoomCard(row: RoomCardRow): RoomCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    topic: row.topic,
    host: row.host,
    participantCount: row._count.participants,
    lastActivityAt: row.lastActivityAt,
  };
}

function searchFilter(q: string): Prisma.RoomWhereInput {
  const contains = { contains: q, mode: "insensitive" } as const;
  return {
    OR: [
      { name: contains },
      { description: contains },
      { topic: { name: contains } },
      { host: { OR: [{ username: contains }, { name: contains }] } },
    ],
  };
}

/** Rooms by latest activity, newest first. */
export async function listRooms({ q, take = 24 }: ListRoomsInput = {}): Promise<RoomCard[]> {
  const rows = await db.room.findMany({
    where: q ? searchFilter(q) : undefined,
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take,
    select: roomCardSelect,
  });
  return rows.map(toRoomCard);
}

export async function countRooms({ q }: Pick<ListRoomsInput, "q"> = {}): Promise<number> {
  return db.room.count({ where: q ? searchFilter(q) : undefined });
}
