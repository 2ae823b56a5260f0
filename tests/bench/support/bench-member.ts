// A signed-in member for the search benchmark's home page runs: a participant of many rooms
// (including every room on the first page of the feed) with unread messages in them, presence
// rows so cards show "N online", and a next-auth session cookie signed with the bench app's
// secret, as a browser would send after signing in.
import type pg from "pg";
import { sessionCookies } from "./session-cookie";

export interface BenchMember {
  userId: string;
  /** The `Cookie` header value that signs a request in as this member. */
  cookie: string;
  /** Rooms the member takes part in. */
  rooms: number;
  /** Of those, rooms with unread messages. */
  unreadRooms: number;
}

export interface ArrangeBenchMemberOptions {
  /** The app's NEXTAUTH_SECRET (the cookie must verify). */
  secret: string;
  /** How many of the most active rooms the member joined (the feed's first pages). */
  activeRooms?: number;
  /** How many more rooms, picked across the rest. */
  otherRooms?: number;
  /** Rooms (most active first) with people online, 1–6 each. */
  onlineRooms?: number;
}

export async function arrangeBenchMember(client: pg.Client, options: ArrangeBenchMemberOptions): Promise<BenchMember> {
  const { secret, activeRooms = 100, otherRooms = 100, onlineRooms = 40 } = options;
  const userId = "bench_member";
  await client.query(
    `INSERT INTO "User" (id, email, username, name, "emailVerifiedAt", "updatedAt")
     VALUES ($1, 'bench.member@bench.test', 'bench_member', 'Bench Member', now(), now())`,
    [userId],
  );
  // Read up to a room's second-to-last message in two rooms of three, never in the third: the
  // cards show "1 new" and "2 new", the header a total over every room.
  const joined = await client.query(
    `INSERT INTO "Participant" ("roomId", "userId", "lastReadMessageId")
     SELECT r.id, $1, CASE WHEN r.n % 3 = 0 THEN NULL ELSE (SELECT max(id) - 1 FROM "Message" m WHERE m."roomId" = r.id) END
     FROM (
       (SELECT id, row_number() OVER () AS n FROM (SELECT id FROM "Room" ORDER BY "lastActivityAt" DESC, id DESC LIMIT $2) a)
       UNION ALL
       (SELECT id, $2 + row_number() OVER () AS n FROM (SELECT id FROM "Room" ORDER BY hashtext(id) LIMIT $3) b)
     ) r
     ON CONFLICT DO NOTHING`,
    [userId, activeRooms, otherRooms],
  );
  await client.query(
    `UPDATE "Room" SET "participantCount" = "participantCount" + 1 WHERE id IN (SELECT "roomId" FROM "Participant" WHERE "userId" = $1)`,
    [userId],
  );
  const unread = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Participant" p
     WHERE p."userId" = $1 AND EXISTS (SELECT 1 FROM "Message" m WHERE m."roomId" = p."roomId" AND m.id > COALESCE(p."lastReadMessageId", 0))`,
    [userId],
  );
  // People online in the most active rooms, as the presence webhooks would have recorded them.
  await client.query(
    `INSERT INTO "RoomPresence" ("roomId", "userId", online, "eventAt")
     SELECT r.id, 'bu' || (1 + (r.n * 7 + k) % 20000), true, now()
     FROM (SELECT id, row_number() OVER (ORDER BY "lastActivityAt" DESC, id DESC) AS n FROM "Room" ORDER BY "lastActivityAt" DESC, id DESC LIMIT $1) r,
          generate_series(1, 1 + (r.n % 6)::int) AS k
     ON CONFLICT DO NOTHING`,
    [onlineRooms],
  );
  const [cookie = ""] = await sessionCookies(client, [userId], secret);
  return {
    userId,
    cookie,
    rooms: joined.rowCount ?? 0,
    unreadRooms: unread.rows[0]?.n ?? 0,
  };
}
