// Counts over the presence rows the realtime webhooks keep (RoomPresence), for the admin dashboard.
import "server-only";
import { db } from "./client";

/** Distinct members in at least one room's presence channel now (from the presence webhooks). */
export async function countOnlineMembers(): Promise<number> {
  const [row] = await db.$queryRaw<
    Array<{ n: number }>
  >`SELECT count(DISTINCT "userId")::int AS n FROM "RoomPresence" WHERE online`;
  return row?.n ?? 0;
}
