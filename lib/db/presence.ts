// Presence rows (lib/realtime/presence.ts): one per room and member, kept from the realtime
// server's webhooks so that every app instance shares "N online".
import "server-only";
import { db } from "./client";
import { inTransaction, run, statement } from "./statements";
import { toUserSummary, userSummarySelect, type UserSummary } from "./users";

// The two statements of a presence change (prepared on the pool: every occupancy webhook runs them). The first is the
// guarded upsert: a late or repeated webhook never undoes a newer one. The second brings the member's open
// PresenceSpan in line with the row the first left: a new statement, so it sees spans committed by a concurrent
// webhook that held the row lock (one statement's CTEs would share a snapshot taken before that lock was granted).
const upsertPresence = statement(
  "presence_upsert",
  `INSERT INTO "RoomPresence" ("roomId", "userId", "online", "eventAt")
   SELECT $1, $2, $3, ($4::timestamptz AT TIME ZONE 'UTC')
   WHERE EXISTS (SELECT 1 FROM "Room" WHERE id = $1) AND EXISTS (SELECT 1 FROM "User" WHERE id = $2)
   ON CONFLICT ("roomId", "userId") DO UPDATE SET "online" = EXCLUDED."online", "eventAt" = EXCLUDED."eventAt"
   WHERE "RoomPresence"."eventAt" <= EXCLUDED."eventAt"
   RETURNING 1 AS applied`,
);
const reconcileSpan = statement(
  "presence_span_reconcile",
  `WITH rp AS (SELECT "online", "eventAt" FROM "RoomPresence" WHERE "roomId" = $1 AND "userId" = $2),
   closed AS (
     UPDATE "PresenceSpan" s SET "endedAt" = GREATEST(s."startedAt", rp."eventAt")
     FROM rp WHERE NOT rp."online" AND s."roomId" = $1 AND s."userId" = $2 AND s."endedAt" IS NULL
   )
   INSERT INTO "PresenceSpan" ("roomId", "userId", "startedAt")
   SELECT $1, $2, rp."eventAt" FROM rp WHERE rp."online"
   ON CONFLICT ("roomId", "userId") WHERE "endedAt" IS NULL DO NOTHING`,
);

/**
 * Records that `userId` came to the room (`online`) or left it at `at`, unless a newer event for them was recorded
 * already. An applied change also opens (if none is open) or closes the member's PresenceSpan at `at`, in the same
 * transaction: the record study time is computed from. Unknown rooms and users are ignored.
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
  await inTransaction(async (client) => {
    const applied = await run(upsertPresence, [roomId, userId, online, iso], client);
    if (applied.length > 0) await run(reconcileSpan, [roomId, userId], client);
  });
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
