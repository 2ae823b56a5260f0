// The admin dashboard's figures, each one cheap query.
import "server-only";
import { db } from "./client";

/** Distinct members in at least one room's presence channel now (from the presence webhooks). */
export async function countOnlineMembers(): Promise<number> {
  const [row] = await db.$queryRaw<
    Array<{ n: number }>
  >`SELECT count(DISTINCT "userId")::int AS n FROM "RoomPresence" WHERE online`;
  return row?.n ?? 0;
}

export async function countLockedRooms(): Promise<number> {
  return db.room.count({ where: { lockedAt: { not: null } } });
}
