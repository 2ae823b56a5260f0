// Presence rows (lib/realtime/presence.ts): one per room and member, kept from the realtime
// server's webhooks so that every app instance shares "N online".
import "server-only";
import { db } from "./client";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

/**
 * Records that `userId` came to the room (`online`) or left it at `at`, unless a
 * newer event for them was recorded already. Unknown rooms and users are ignored.
 */
export async function recordPresence({
  roomId,
  userId,
  online,
  at,
}: {
  roomId: string;
  userId: string;
  online: boolean;
  at: Date;
}): Promise<void> {
  // The time goes in as an ISO string converted in SQL, so the server's time zone never matters.
  const iso = at.toISOString();
  await db.$executeRaw`
    INSERT INTO "RoomPresence" ("roomId", "userId", "online", "eventAt")
    SELECT ${roomId}, ${userId}, ${online}, (${iso}::timestamptz AT TIME ZONE 'UTC')
    WHERE EXISTS (SELECT 1 FROM "Room" WHERE id = ${roomId}) AND EXISTS (SELECT 1 FROM "User" WHERE id = ${userId})
    ON CONFLICT ("roomId", "userId") DO UPDATE SET "online" = EXCLUDED."online", "eventAt" = EXCLUDED."eventAt"
    WHERE "RoomPresence"."eventAt" <= EXCLUDED."eventAt"`;
}

/**
 * Members online per room; rooms with nobody online are absent. Raw SQL: every home page asks,
 * and Prisma would compile a groupBy afresh on each call.
 */
export async function countOnline({ roomIds }: { roomIds: string[] }): Promise<Map<string, number>> {
  if (roomIds.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ roomId: string; n: number }>>`
    SELECT "roomId", count(*)::int AS n FROM "RoomPresence"
    WHERE "roomId" = ANY(${roomIds}::text[]) AND online
    GROUP BY "roomId"`;
  return new Map(rows.map((r) => [r.roomId, r.n]));
}

/** Distinct members in at least one room now (from the occupancy webhooks). */
export async function countOnlineMembers(): Promise<number> {
  const [row] = await db.$queryRaw<
    Array<{ n: number }>
  >`SELECT count(DISTINCT "userId")::int AS n FROM "RoomPresence" WHERE online`;
  return row?.n ?? 0;
}

/** Up to `take` of the room's online members, by name: the faces for those past the presence channel's limit. */
export async function listOnlineMembers(roomId: string, take: number): Promise<UserSummary[]> {
  const rows = await db.roomPresence.findMany({
    where: { roomId, online: true },
    select: { user: { select: userSummarySelect } },
    orderBy: { user: { name: "asc" } },
    take,
  });
  return rows.map((row) => toUserSummary(row.user));
}
